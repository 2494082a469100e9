/**
 * Class-imbalance stage: interchangeable strategies (weights, resampling, focused augmentation) chosen by name in a run config, so that their effect can be compared like for like.
 */
package org.mriworkbench.imbalance;
