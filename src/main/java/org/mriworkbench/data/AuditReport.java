package org.mriworkbench.data;

import org.mriworkbench.core.Label;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the duplicate audit found, with the evidence kept so that each figure can be checked by eye.
 *
 * @param indexFingerprint   fingerprint of the audited index, so a report cannot be applied to other data
 * @param images             images audited
 * @param exactGroups        byte-identical contents occurring more than once
 * @param nearPairs          confirmed near-copy pairs (byte-identical pairs excluded)
 * @param candidatePairs     pairs within the hash distance that were tested with pixels
 * @param rejectedExamples   rejected candidates with the highest correlations, for judging the threshold
 * @param clusters           groups of two or more images joined by exact or near copies
 * @param clusterOf          cluster id of every image (singletons have ids of their own)
 * @param leakage            Testing images with a copy in Training
 */
public record AuditReport(AuditConfig config, String indexFingerprint, int images, List<DuplicateGroup> exactGroups,
                          List<NearPair> nearPairs, long candidatePairs, List<NearPair> rejectedExamples,
                          List<DuplicateGroup> clusters, int[] clusterOf, Leakage leakage) {

    /**
     * Testing images with a copy in Training.
     *
     * @param testingWithExactCopy     Testing images with a byte-identical file in Training
     * @param testingWithAnyCopy       Testing images whose cluster reaches into Training (exact or near)
     * @param exactByLabel             the first figure per label
     * @param anyByLabel               the second figure per label
     * @param testingByLabel           all Testing images per label, for proportions
     */
    public record Leakage(int testingWithExactCopy, int testingWithAnyCopy, Map<Label, Integer> exactByLabel,
                          Map<Label, Integer> anyByLabel, Map<Label, Integer> testingByLabel) {
    }

    /** Exact-duplicate contents whose copies sit in both Training and Testing. */
    public long exactGroupsSpanningSplits() {
        return exactGroups.stream().filter(DuplicateGroup::spansTrainingAndTesting).count();
    }

    /** Images that are an extra copy of some earlier byte-identical image. */
    public int redundantExactCopies() {
        return exactGroups.stream().mapToInt(g -> g.size() - 1).sum();
    }

    /** Exact groups whose members carry different labels. */
    public List<DuplicateGroup> mixedLabelExactGroups() {
        return exactGroups.stream().filter(DuplicateGroup::mixedLabels).toList();
    }

    /** Clusters whose members carry different labels. */
    public List<DuplicateGroup> mixedLabelClusters() {
        return clusters.stream().filter(DuplicateGroup::mixedLabels).toList();
    }

    /** Size of the largest cluster; a very large one would mean the thresholds chain unrelated images. */
    public int largestCluster() {
        return clusters.stream().mapToInt(DuplicateGroup::size).max().orElse(1);
    }

    /** Headline figures as a two-column table. */
    public Table summaryTable() {
        StringColumn what = StringColumn.create("finding");
        StringColumn value = StringColumn.create("value");
        add(what, value, "images audited", images);
        add(what, value, "exact-duplicate contents (occurring more than once)", exactGroups.size());
        add(what, value, "redundant exact copies", redundantExactCopies());
        add(what, value, "exact contents in both Training and Testing", exactGroupsSpanningSplits());
        add(what, value, "Testing images with a byte-identical copy in Training", leakage.testingWithExactCopy());
        add(what, value, "exact groups with different labels", mixedLabelExactGroups().size());
        add(what, value, "near-copy candidates (dHash distance <= " + config.maxHashDistance() + ")", candidatePairs);
        add(what, value, "confirmed near-copy pairs (thumbnail r >= " + config.minCorrelation() + ")",
                nearPairs.size());
        add(what, value, "clusters of exact or near copies", clusters.size());
        add(what, value, "images in clusters", clusters.stream().mapToInt(DuplicateGroup::size).sum());
        add(what, value, "largest cluster", largestCluster());
        add(what, value, "clusters with different labels", mixedLabelClusters().size());
        add(what, value, "Testing images with an exact or near copy in Training", leakage.testingWithAnyCopy());
        for (Map.Entry<Label, Integer> e : leakage.testingByLabel().entrySet()) {
            add(what, value, "  " + e.getKey() + ": Testing images with a copy in Training",
                    leakage.anyByLabel().getOrDefault(e.getKey(), 0) + " of " + e.getValue());
        }
        return Table.create("duplicate and leakage audit", what, value);
    }

    /** One row per group (exact groups, or clusters), largest first. */
    public Table groupsTable(boolean clustersInsteadOfExact) {
        List<DuplicateGroup> groups = (clustersInsteadOfExact ? clusters : exactGroups).stream()
                .sorted(Comparator.comparingInt(DuplicateGroup::size).reversed()).toList();
        IntColumn id = IntColumn.create("group");
        IntColumn size = IntColumn.create("size");
        StringColumn origins = StringColumn.create("splits");
        StringColumn labels = StringColumn.create("labels");
        StringColumn paths = StringColumn.create("paths");
        for (DuplicateGroup g : groups) {
            id.append(g.id());
            size.append(g.size());
            origins.append(g.origins().stream().map(Enum::name).sorted().collect(Collectors.joining("+")));
            labels.append(g.labels().stream().map(Enum::name).sorted().collect(Collectors.joining("+")));
            paths.append(String.join(" ", g.paths()));
        }
        return Table.create(clustersInsteadOfExact ? "near-duplicate clusters" : "exact-duplicate groups", id, size,
                origins, labels, paths);
    }

    private static void add(StringColumn what, StringColumn value, String w, Object v) {
        what.append(w);
        value.append(String.valueOf(v));
    }
}
