package org.mriworkbench.imbalance;

import java.util.SplittableRandom;

/**
 * Random undersampling ({@code undersample}): each epoch visits a fresh random subset of every class, as large as
 * the smallest class present. Epochs are short and balanced, and because the subset changes every epoch, all
 * majority images are still seen over a run. Buda, Maki &amp; Mazurowski, Neural Networks 106 (2018) 249-259, found
 * it worse than oversampling for CNNs when imbalance is strong: included so students can see that for themselves.
 */
public record RandomUndersampling() implements ImbalanceStrategy {

    @Override
    public String name() {
        return "undersample";
    }

    @Override
    public EpochPlan plan(int[] labels, int numClasses, long seed, int epoch) {
        int[][] groups = Sampling.byClass(labels, numClasses);
        int target = Integer.MAX_VALUE;
        for (int[] g : groups) {
            if (g.length > 0) {
                target = Math.min(target, g.length);
            }
        }
        int present = RandomOversampling.nonEmpty(groups);
        SplittableRandom rng = Sampling.rng(seed, epoch);
        int[] order = new int[present == 0 ? 0 : target * present];
        int at = 0;
        for (int[] g : groups) {
            if (g.length > 0) {
                int[] picked = Sampling.withoutReplacement(g, target, rng);
                System.arraycopy(picked, 0, order, at, target);
                at += target;
            }
        }
        Sampling.shuffle(order, rng);
        return EpochPlan.of(order);
    }
}
