package org.mriworkbench.imbalance;

import java.util.SplittableRandom;

/**
 * The control arm ({@code none}): every sample once per epoch in a fresh seeded order, unweighted loss, strength 1.
 * Without it, no other strategy's benefit can be measured.
 */
public record NoRebalancing() implements ImbalanceStrategy {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public EpochPlan plan(int[] labels, int numClasses, long seed, int epoch) {
        Sampling.counts(labels, numClasses);
        SplittableRandom rng = Sampling.rng(seed, epoch);
        int[] order = Sampling.identity(labels.length);
        Sampling.shuffle(order, rng);
        return EpochPlan.of(order);
    }
}
