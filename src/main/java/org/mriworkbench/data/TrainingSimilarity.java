package org.mriworkbench.data;

import java.util.stream.IntStream;

/**
 * How close each test image is to the closest training image: the highest Pearson correlation between its
 * {@value DatasetScanner#THUMB}² thumbnail and any training image's thumbnail, the measure the duplicate audit
 * confirms near copies with.
 *
 * <p>Why it is needed: the leakage-free split keeps clusters at r ≥ {@link AuditConfig#DEFAULT}'s threshold on one
 * side, but with no patient IDs, neighbouring slices of one patient at slightly lower correlation (0.95 to 0.97 on
 * the real data) can still fall on both sides. Reporting test accuracy separately for images with and without such a
 * neighbour in training shows how much of a figure rests on them, instead of assuming the split removed all of it.
 */
public final class TrainingSimilarity {

    /** Correlation at and above which a test image counts as having a close training neighbour. */
    public static final double CLOSE = 0.95;

    private TrainingSimilarity() {
    }

    /**
     * For each index in {@code queries}, the highest thumbnail correlation with any index in {@code references}
     * ({@code -1} when there are no references). Exhaustive, not hashed: a neighbour at r = 0.95 often sits more than
     * the audit's hash distance away.
     */
    public static double[] nearestCorrelation(DatasetIndex index, int[] queries, int[] references) {
        float[][] ref = new float[references.length][];
        for (int j = 0; j < references.length; j++) {
            ref[j] = DuplicateAudit.standardise(index.thumbnailUnsafe(references[j]));
        }
        return IntStream.range(0, queries.length).parallel().mapToDouble(i -> {
            float[] q = DuplicateAudit.standardise(index.thumbnailUnsafe(queries[i]));
            double best = -1;
            for (float[] r : ref) {
                best = Math.max(best, DuplicateAudit.dot(q, r));
            }
            return best;
        }).toArray();
    }

    /** For each image of {@code query} (in {@link DataSplit#indices} order), its closest match in {@code reference}. */
    public static double[] nearestCorrelation(DataSplit split, Subset query, Subset reference) {
        return nearestCorrelation(split.index(), split.indices(query), split.indices(reference));
    }
}
