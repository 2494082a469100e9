package org.mriworkbench.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.mriworkbench.core.Label;

/**
 * Splits an index into train, validation and test subsets so that no duplicate cluster (exact or near copies, from
 * a {@link DuplicateAudit}) straddles two subsets. The data set has no patient IDs, so clusters stand in for
 * patients; splitting by image would put copies of one slice on both sides and measure memory, not skill.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@link SplitConfig.Mode#GROUPED_RESPLIT} (default) pools Training and Testing and re-splits it, grouped and
 *       stratified by label. It is the only mode that leaves a trustworthy binary test set, because almost every
 *       official Testing no-tumour image has a near copy in Training.</li>
 *   <li>{@link SplitConfig.Mode#OFFICIAL_TEST} keeps the official Testing folder as test but excludes every Testing
 *       image whose cluster reaches into Training, and carves validation out of Training by groups.</li>
 * </ul>
 * Groups are assigned greedily, largest first (ties in seeded random order), to the subset furthest below its
 * target count within the group's label stratum.
 */
public final class DatasetSplitter {

    private DatasetSplitter() {
    }

    /** Splits {@code index} using the clusters of {@code audit}, which must come from the same index. */
    public static DataSplit split(DatasetIndex index, AuditReport audit, SplitConfig config) {
        if (!audit.indexFingerprint().equals(index.fingerprint())) {
            throw new IllegalArgumentException("the audit was made for another index (fingerprint "
                    + audit.indexFingerprint() + ", index " + index.fingerprint() + ")");
        }
        int n = index.size();
        Subset[] assignment = new Subset[n];
        String[] reasons = new String[n];
        Random rng = new Random(config.seed());
        if (config.mode() == SplitConfig.Mode.GROUPED_RESPLIT) {
            List<Integer> pool = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                pool.add(i);
            }
            double train = 1 - config.validationFraction() - config.testFraction();
            assign(index, audit.clusterOf(), pool, new Subset[] {Subset.TRAIN, Subset.VALIDATION, Subset.TEST},
                    new double[] {train, config.validationFraction(), config.testFraction()}, rng, assignment);
        } else {
            if (index.count(Origin.TESTING) == 0 || index.count(Origin.TRAINING) == 0) {
                throw new IllegalArgumentException("official-test mode needs Training/ and Testing/ folders; "
                        + "this data set has a " + index.layout() + " layout. Use grouped-resplit.");
            }
            boolean[] clusterInTraining = new boolean[n];
            for (int i = 0; i < n; i++) {
                if (index.get(i).origin() == Origin.TRAINING) {
                    clusterInTraining[audit.clusterOf()[i]] = true;
                }
            }
            List<Integer> trainingPool = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ImageRecord r = index.get(i);
                if (r.origin() == Origin.TRAINING) {
                    trainingPool.add(i);
                } else if (clusterInTraining[audit.clusterOf()[i]]) {
                    assignment[i] = Subset.EXCLUDED;
                    reasons[i] = "official Testing image with an exact or near copy in Training";
                } else if (r.origin() == Origin.TESTING) {
                    assignment[i] = Subset.TEST;
                } else {
                    assignment[i] = Subset.EXCLUDED;
                    reasons[i] = "image outside Training/ and Testing/";
                }
            }
            assign(index, audit.clusterOf(), trainingPool, new Subset[] {Subset.TRAIN, Subset.VALIDATION},
                    new double[] {1 - config.validationFraction(), config.validationFraction()}, rng, assignment);
        }
        return new DataSplit(config, index, assignment, reasons);
    }

    private static void assign(DatasetIndex index, int[] clusterOf, List<Integer> pool, Subset[] subsets,
                               double[] fractions, Random rng, Subset[] assignment) {
        // Groups of the pool, keyed by cluster id, then bucketed by their (majority) label.
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        for (int i : pool) {
            groups.computeIfAbsent(clusterOf[i], k -> new ArrayList<>()).add(i);
        }
        Map<Label, List<List<Integer>>> strata = new EnumMap<>(Label.class);
        for (List<Integer> g : groups.values()) {
            strata.computeIfAbsent(majorityLabel(index, g), k -> new ArrayList<>()).add(g);
        }
        for (List<List<Integer>> stratum : strata.values()) {
            Collections.shuffle(stratum, rng);
            stratum.sort(Comparator.comparingInt(g -> -g.size())); // stable: shuffled order breaks ties
            int total = stratum.stream().mapToInt(List::size).sum();
            int[] counts = new int[subsets.length];
            for (List<Integer> g : stratum) {
                int best = 0;
                double bestDeficit = Double.NEGATIVE_INFINITY;
                for (int s = 0; s < subsets.length; s++) {
                    double deficit = (fractions[s] * total - counts[s]) / Math.max(fractions[s], 1e-9);
                    if (deficit > bestDeficit) {
                        bestDeficit = deficit;
                        best = s;
                    }
                }
                counts[best] += g.size();
                for (int i : g) {
                    assignment[i] = subsets[best];
                }
            }
        }
    }

    private static Label majorityLabel(DatasetIndex index, List<Integer> group) {
        int[] votes = new int[Label.values().length];
        for (int i : group) {
            votes[index.get(i).label().ordinal()]++;
        }
        int best = 0;
        for (int l = 1; l < votes.length; l++) {
            if (votes[l] > votes[best]) {
                best = l;
            }
        }
        return Label.values()[best];
    }

    /** True when no cluster has members in two different non-excluded subsets. */
    public static boolean isLeakageFree(DataSplit split, AuditReport audit) {
        Map<Integer, Subset> seen = new TreeMap<>();
        for (int i = 0; i < split.index().size(); i++) {
            Subset s = split.subset(i);
            if (s == Subset.EXCLUDED) {
                continue;
            }
            Subset prev = seen.putIfAbsent(audit.clusterOf()[i], s);
            if (prev != null && prev != s) {
                return false;
            }
        }
        return true;
    }
}
