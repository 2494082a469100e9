package org.mriworkbench.imbalance;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.mriworkbench.core.SplitMix64;

/** Helpers shared by the strategies: validation, grouping by class, seeded shuffles. */
final class Sampling {

    private Sampling() {
    }

    /** One generator per (seed, epoch), mixed with the SplitMix64 finaliser so nearby seeds are unrelated. */
    static SplittableRandom rng(long seed, int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        long z = SplitMix64.mix64(SplitMix64.mix64(seed) + SplitMix64.GOLDEN_GAMMA * (epoch + 1L));
        return new SplittableRandom(z);
    }

    /** Sample indices grouped by class, each group in ascending order; validates the labels. */
    static int[][] byClass(int[] labels, int numClasses) {
        int[] counts = counts(labels, numClasses);
        int[][] groups = new int[numClasses][];
        for (int c = 0; c < numClasses; c++) {
            groups[c] = new int[counts[c]];
        }
        int[] fill = new int[numClasses];
        for (int i = 0; i < labels.length; i++) {
            groups[labels[i]][fill[labels[i]]++] = i;
        }
        return groups;
    }

    static int[] counts(int[] labels, int numClasses) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be >= 1, got " + numClasses);
        }
        int[] counts = new int[numClasses];
        for (int i = 0; i < labels.length; i++) {
            int y = labels[i];
            if (y < 0 || y >= numClasses) {
                throw new IllegalArgumentException("label " + y + " at sample " + i + " is outside [0," + numClasses + ")");
            }
            counts[y]++;
        }
        return counts;
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Fisher-Yates, in place. */
    static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** {@code k} distinct members of {@code group}, chosen uniformly (partial Fisher-Yates on a copy). */
    static int[] withoutReplacement(int[] group, int k, SplittableRandom rng) {
        int[] a = group.clone();
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(a.length - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return Arrays.copyOf(a, k);
    }

    /** {@code group} once, then {@code extra} more draws from it with replacement. */
    static int[] allPlusDraws(int[] group, int extra, SplittableRandom rng) {
        int[] a = Arrays.copyOf(group, group.length + extra);
        for (int i = 0; i < extra; i++) {
            a[group.length + i] = group[rng.nextInt(group.length)];
        }
        return a;
    }

    static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    static int max(int[] counts) {
        return Arrays.stream(counts).max().orElse(0);
    }

    /** Smallest non-zero count; 0 when every class is empty. */
    static int minPresent(int[] counts) {
        return Arrays.stream(counts).filter(c -> c > 0).min().orElse(0);
    }
}
