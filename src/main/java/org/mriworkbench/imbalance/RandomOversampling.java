package org.mriworkbench.imbalance;

import java.util.SplittableRandom;

/**
 * Random oversampling ({@code oversample}): every sample once, plus random repeats (with replacement) of each
 * smaller class until it matches the largest class. Buda, Maki &amp; Mazurowski, "A systematic study of the class
 * imbalance problem in convolutional neural networks", Neural Networks 106 (2018) 249-259, found it the most
 * reliable remedy for CNNs and, unlike for classic models, not prone to overfitting. The repeats are redrawn every
 * epoch; pair it with augmentation so repeated visits are not identical images.
 */
public record RandomOversampling() implements ImbalanceStrategy {

    @Override
    public String name() {
        return "oversample";
    }

    @Override
    public EpochPlan plan(int[] labels, int numClasses, long seed, int epoch) {
        int[][] groups = Sampling.byClass(labels, numClasses);
        int target = 0;
        for (int[] g : groups) {
            target = Math.max(target, g.length);
        }
        SplittableRandom rng = Sampling.rng(seed, epoch);
        int[] order = new int[target * nonEmpty(groups)];
        int at = 0;
        for (int[] g : groups) {
            if (g.length > 0) {
                int[] picked = Sampling.allPlusDraws(g, target - g.length, rng);
                System.arraycopy(picked, 0, order, at, picked.length);
                at += picked.length;
            }
        }
        Sampling.shuffle(order, rng);
        return EpochPlan.of(order);
    }

    static int nonEmpty(int[][] groups) {
        int n = 0;
        for (int[] g : groups) {
            n += g.length > 0 ? 1 : 0;
        }
        return n;
    }
}
