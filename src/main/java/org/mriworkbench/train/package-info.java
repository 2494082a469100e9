/**
 * Training stage: the training loop, learning-rate schedules, early stopping, checkpoints and resumption.
 */
package org.mriworkbench.train;
