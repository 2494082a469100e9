package org.mriworkbench.imbalance;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a trainer does in one epoch: the sample indices in visiting order (repeats allowed), an augmentation
 * strength per visit, and optionally per-class loss weights. Immutable: arrays are copied in and out.
 *
 * <p>Positions, not indices, identify a visit: an oversampled image appears at several positions, and each
 * position gets its own strength and, via {@code AugmentSeeds.forSample(seed, epoch, position)}, its own
 * augmentation.
 */
public final class EpochPlan {

    private final int[] indices;
    private final double[] strengths;
    private final double[] classWeights;

    private EpochPlan(int[] indices, double[] strengths, double[] classWeights) {
        this.indices = indices;
        this.strengths = strengths;
        this.classWeights = classWeights;
    }

    /**
     * A plan from its parts, which are copied.
     *
     * @param indices      sample indices in visiting order, each &ge; 0
     * @param strengths    augmentation strength per position (same length as {@code indices}), each finite &ge; 0
     * @param classWeights per-class loss weights, or {@code null} for an unweighted loss
     */
    public static EpochPlan of(int[] indices, double[] strengths, double[] classWeights) {
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(strengths, "strengths");
        if (indices.length != strengths.length) {
            throw new IllegalArgumentException(indices.length + " indices but " + strengths.length + " strengths");
        }
        for (int i : indices) {
            if (i < 0) {
                throw new IllegalArgumentException("negative sample index " + i);
            }
        }
        for (double s : strengths) {
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("strength must be finite and >= 0, got " + s);
            }
        }
        if (classWeights != null) {
            for (double w : classWeights) {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("class weight must be finite and >= 0, got " + w);
                }
            }
        }
        return new EpochPlan(indices.clone(), strengths.clone(), classWeights == null ? null : classWeights.clone());
    }

    /** A plan visiting {@code indices} at strength 1 with no class weights. */
    public static EpochPlan of(int[] indices) {
        double[] ones = new double[indices.length];
        Arrays.fill(ones, 1.0);
        return of(indices, ones, null);
    }

    /** Number of visits this epoch. */
    public int size() {
        return indices.length;
    }

    /** The sample index visited at {@code position}. */
    public int index(int position) {
        return indices[position];
    }

    /** The augmentation strength for the visit at {@code position}; 1 means the pipeline as configured. */
    public double strength(int position) {
        return strengths[position];
    }

    /** A copy of all sample indices in visiting order. */
    public int[] indices() {
        return indices.clone();
    }

    /** A copy of all strengths, aligned with {@link #indices()}. */
    public double[] strengths() {
        return strengths.clone();
    }

    /** A copy of the per-class loss weights, or empty for an unweighted loss. */
    public Optional<double[]> classWeights() {
        return Optional.ofNullable(classWeights).map(double[]::clone);
    }

    /** How often each class is visited in this plan; shows the effect of a strategy at a glance. */
    public int[] visitsPerClass(int[] labels, int numClasses) {
        int[] counts = new int[numClasses];
        for (int i : indices) {
            counts[labels[i]]++;
        }
        return counts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EpochPlan p && Arrays.equals(p.indices, indices) && Arrays.equals(p.strengths, strengths)
                && Arrays.equals(p.classWeights, classWeights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(indices), Arrays.hashCode(strengths), Arrays.hashCode(classWeights));
    }

    @Override
    public String toString() {
        return "EpochPlan[visits=" + indices.length
                + (classWeights == null ? "" : ", classWeights=" + Arrays.toString(classWeights)) + "]";
    }
}
