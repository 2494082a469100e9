package org.mriworkbench.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mriworkbench.core.Label;

/**
 * Finds byte-identical files, near copies (re-encoded or resized versions of the same slice), and the leakage they
 * cause between the official Training and Testing folders. The Kaggle brain-tumour set is known to contain all
 * three; an evaluation that ignores them reports inflated accuracy, so the workbench finds them rather than hiding
 * them.
 *
 * <p>Near copies are found in two stages: all pairs within {@link AuditConfig#maxHashDistance()} dHash bits are
 * candidates (an exhaustive popcount scan, about 25 million pairs for the real set, well under a second), and a
 * candidate is confirmed only if the Pearson correlation of the two 32×32 grayscale thumbnails reaches
 * {@link AuditConfig#minCorrelation()}. Exact and confirmed near pairs are then joined transitively into clusters
 * (union–find), which the splitter keeps whole.
 */
public final class DuplicateAudit {

    /** How many rejected candidates closest to the correlation threshold are kept as examples. */
    static final int REJECTED_EXAMPLES = 200;

    private DuplicateAudit() {
    }

    /** Audits an index with the given thresholds. */
    public static AuditReport run(DatasetIndex index, AuditConfig config) {
        int n = index.size();
        List<ImageRecord> recs = index.records();

        // Exact groups: same SHA-256.
        Map<String, List<Integer>> bySha = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            bySha.computeIfAbsent(recs.get(i).sha256(), k -> new ArrayList<>()).add(i);
        }
        UnionFind uf = new UnionFind(n);
        List<DuplicateGroup> exact = new ArrayList<>();
        for (List<Integer> members : bySha.values()) {
            if (members.size() > 1) {
                for (int m : members) {
                    uf.union(members.get(0), m);
                }
                exact.add(group(exact.size(), DuplicateGroup.Kind.EXACT, members, recs));
            }
        }

        // Near copies: hash candidates confirmed by thumbnail correlation.
        float[][] z = new float[n][];
        for (int i = 0; i < n; i++) {
            z[i] = standardise(index.thumbnailUnsafe(i));
        }
        long[] hash = new long[n];
        for (int i = 0; i < n; i++) {
            hash[i] = recs.get(i).dHash();
        }
        List<NearPair> confirmed = new ArrayList<>();
        List<NearPair> rejected = new ArrayList<>();
        long candidates = 0;
        for (int a = 0; a < n; a++) {
            String shaA = recs.get(a).sha256();
            for (int b = a + 1; b < n; b++) {
                int d = Long.bitCount(hash[a] ^ hash[b]);
                if (d > config.maxHashDistance() || shaA.equals(recs.get(b).sha256())) {
                    continue;
                }
                candidates++;
                double c = dot(z[a], z[b]);
                if (c >= config.minCorrelation()) {
                    confirmed.add(new NearPair(a, b, d, c, true));
                    uf.union(a, b);
                } else if (c >= config.minCorrelation() - 0.05) {
                    rejected.add(new NearPair(a, b, d, c, false));
                }
            }
        }
        rejected.sort(Comparator.comparingDouble(NearPair::correlation).reversed());
        List<NearPair> rejectedExamples = rejected.subList(0, Math.min(REJECTED_EXAMPLES, rejected.size()));

        // Clusters of exact and near copies.
        int[] clusterOf = new int[n];
        Map<Integer, List<Integer>> byRoot = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            byRoot.computeIfAbsent(uf.find(i), k -> new ArrayList<>()).add(i);
        }
        List<DuplicateGroup> clusters = new ArrayList<>();
        int next = 0;
        Map<Integer, Integer> rootToId = new HashMap<>();
        for (Map.Entry<Integer, List<Integer>> e : byRoot.entrySet()) {
            int id = next++;
            rootToId.put(e.getKey(), id);
            for (int m : e.getValue()) {
                clusterOf[m] = id;
            }
            if (e.getValue().size() > 1) {
                clusters.add(group(id, DuplicateGroup.Kind.CLUSTER, e.getValue(), recs));
            }
        }
        return new AuditReport(config, index.fingerprint(), n, exact, confirmed, candidates,
                List.copyOf(rejectedExamples), clusters, clusterOf, leakage(recs, bySha, clusterOf, clusters));
    }

    private static AuditReport.Leakage leakage(List<ImageRecord> recs, Map<String, List<Integer>> bySha,
                                               int[] clusterOf, List<DuplicateGroup> clusters) {
        Map<Integer, Boolean> clusterHasTraining = new HashMap<>();
        for (DuplicateGroup g : clusters) {
            clusterHasTraining.put(g.id(), g.origins().contains(Origin.TRAINING));
        }
        Map<Label, Integer> exactByLabel = new TreeMap<>();
        Map<Label, Integer> anyByLabel = new TreeMap<>();
        Map<Label, Integer> testingByLabel = new TreeMap<>();
        int exactCopies = 0;
        int anyCopies = 0;
        for (int i = 0; i < recs.size(); i++) {
            ImageRecord r = recs.get(i);
            if (r.origin() != Origin.TESTING) {
                continue;
            }
            testingByLabel.merge(r.label(), 1, Integer::sum);
            boolean exactCopy = bySha.get(r.sha256()).stream().anyMatch(j -> recs.get(j).origin() == Origin.TRAINING);
            boolean anyCopy = clusterHasTraining.getOrDefault(clusterOf[i], false);
            if (exactCopy) {
                exactCopies++;
                exactByLabel.merge(r.label(), 1, Integer::sum);
            }
            if (anyCopy) {
                anyCopies++;
                anyByLabel.merge(r.label(), 1, Integer::sum);
            }
        }
        return new AuditReport.Leakage(exactCopies, anyCopies, exactByLabel, anyByLabel, testingByLabel);
    }

    private static DuplicateGroup group(int id, DuplicateGroup.Kind kind, List<Integer> members,
                                        List<ImageRecord> recs) {
        Set<Origin> origins = EnumSet.noneOf(Origin.class);
        Set<Label> labels = EnumSet.noneOf(Label.class);
        List<String> paths = new ArrayList<>();
        for (int m : members) {
            origins.add(recs.get(m).origin());
            labels.add(recs.get(m).label());
            paths.add(recs.get(m).path());
        }
        return new DuplicateGroup(id, kind, members, paths, origins, labels);
    }

    /** Pearson correlation of two thumbnails (NaN-free: a flat image correlates 0 with everything). */
    public static double correlation(float[] a, float[] b) {
        return dot(standardise(a), standardise(b));
    }

    static float[] standardise(float[] v) {
        double mean = 0;
        for (float x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (float x : v) {
            ss += (x - mean) * (x - mean);
        }
        float[] out = new float[v.length];
        if (ss <= 1e-12) {
            return out;
        }
        double inv = 1 / Math.sqrt(ss);
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) ((v[i] - mean) * inv);
        }
        return out;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Disjoint sets with path halving and union by size. */
    static final class UnionFind {
        private final int[] parent;
        private final int[] size;

        UnionFind(int n) {
            parent = new int[n];
            size = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
                size[i] = 1;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return;
            }
            if (size[ra] < size[rb]) {
                int t = ra;
                ra = rb;
                rb = t;
            }
            parent[rb] = ra;
            size[ra] += size[rb];
        }
    }
}
