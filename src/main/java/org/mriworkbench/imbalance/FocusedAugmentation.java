package org.mriworkbench.imbalance;

import java.util.SplittableRandom;

/**
 * Focused augmentation ({@code focused-augmentation}): minority classes are visited more often <em>and</em>
 * augmented harder, so their extra visits are new-looking images rather than exact repeats. This is the
 * workbench's own combination of partial random oversampling (as in Buda, Maki &amp; Mazurowski, Neural Networks
 * 106 (2018) 249-259) with the augmentation strength knob of {@code org.mriworkbench.augment.Augmentation}; it is
 * not a method from one paper.
 *
 * <p>A class with n_c samples, where the largest has n_max, is visited {@code round(n_c * (n_max/n_c)^balance)}
 * times (balance 0: no repeats, 1: full oversampling) and each of its visits gets strength
 * {@code 1 + (maxStrength - 1) * (1 - n_c/n_max)}: 1 for the largest class, approaching maxStrength for a tiny one.
 *
 * @param balance     how far towards the majority count minority classes are oversampled, in [0,1]
 * @param maxStrength augmentation strength approached by a vanishingly small class, &ge; 1
 */
public record FocusedAugmentation(double balance, double maxStrength) implements ImbalanceStrategy {

    /** Half-way on a log scale, and at most twice the configured augmentation. */
    public static final FocusedAugmentation DEFAULT = new FocusedAugmentation(0.5, 2.0);

    public FocusedAugmentation {
        if (!(balance >= 0 && balance <= 1)) {
            throw new IllegalArgumentException("balance must be in [0,1], got " + balance);
        }
        if (!(maxStrength >= 1) || Double.isInfinite(maxStrength)) {
            throw new IllegalArgumentException("maxStrength must be finite and >= 1, got " + maxStrength);
        }
    }

    @Override
    public String name() {
        return "focused-augmentation";
    }

    @Override
    public EpochPlan plan(int[] labels, int numClasses, long seed, int epoch) {
        int[][] groups = Sampling.byClass(labels, numClasses);
        int max = 0;
        for (int[] g : groups) {
            max = Math.max(max, g.length);
        }
        int[] targets = new int[numClasses];
        double[] classStrength = new double[numClasses];
        int total = 0;
        for (int c = 0; c < numClasses; c++) {
            int n = groups[c].length;
            if (n > 0) {
                targets[c] = Math.max(n, (int) Math.round(n * Math.pow((double) max / n, balance)));
                classStrength[c] = 1 + (maxStrength - 1) * (1 - (double) n / max);
                total += targets[c];
            }
        }
        SplittableRandom rng = Sampling.rng(seed, epoch);
        int[] order = new int[total];
        int at = 0;
        for (int c = 0; c < numClasses; c++) {
            if (targets[c] > 0) {
                int[] picked = Sampling.allPlusDraws(groups[c], targets[c] - groups[c].length, rng);
                System.arraycopy(picked, 0, order, at, picked.length);
                at += picked.length;
            }
        }
        Sampling.shuffle(order, rng);
        double[] strengths = new double[total];
        for (int p = 0; p < total; p++) {
            strengths[p] = classStrength[labels[order[p]]];
        }
        return EpochPlan.of(order, strengths, null);
    }
}
