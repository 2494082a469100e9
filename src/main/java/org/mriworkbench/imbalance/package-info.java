/**
 * Class-imbalance stage: interchangeable strategies (weights, resampling, focused augmentation) chosen by name in a
 * run config, so that their effect can be compared like for like.
 *
 * <p>Every {@link org.mriworkbench.imbalance.ImbalanceStrategy} turns (labels, seed, epoch) into an immutable
 * {@link org.mriworkbench.imbalance.EpochPlan}; the trainer only follows plans. {@link
 * org.mriworkbench.imbalance.ClassSubsampler} creates imbalance on purpose for teaching.
 */
package org.mriworkbench.imbalance;
