package org.mriworkbench.imbalance;

/**
 * One way of dealing with unequal class sizes, expressed as a plan for one epoch: which samples to visit in what
 * order, whether the loss weights classes, and how hard to augment each visit. Expressing every strategy as a plan
 * keeps the trainer strategy-agnostic, so strategies can be compared like for like in one experiment.
 *
 * <p>Plans are a pure function of (labels, numClasses, seed, epoch): the same inputs give the same plan, and
 * different epochs resample afresh.
 */
public interface ImbalanceStrategy {

    /** The name {@link ImbalanceStrategies#byName} accepts and run records store. */
    String name();

    /**
     * Plans one epoch.
     *
     * @param labels     class index of every training sample, each in [0, numClasses)
     * @param numClasses number of classes of the model (classes may be absent from {@code labels})
     * @param seed       the run's sampling seed
     * @param epoch      epoch number, &ge; 0
     */
    EpochPlan plan(int[] labels, int numClasses, long seed, int epoch);
}
