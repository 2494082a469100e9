package org.mriworkbench.train;

import java.util.List;

/**
 * Where training stands when a learning rate is asked for. Schedules are pure functions of this value, so the rate
 * after a resume is recomputed from the checkpointed history instead of being restored from hidden state.
 *
 * @param epoch              current epoch, from 0
 * @param iteration          minibatch within the epoch, from 0
 * @param iterationsPerEpoch minibatches per epoch (at least 1)
 * @param totalEpochs        epochs the run is configured for
 * @param validationLosses   validation loss of each completed epoch, oldest first
 */
public record LrProgress(int epoch, int iteration, int iterationsPerEpoch, int totalEpochs,
                         List<Double> validationLosses) {

    public LrProgress {
        validationLosses = List.copyOf(validationLosses);
        if (epoch < 0 || iteration < 0 || iterationsPerEpoch < 1 || totalEpochs < 1) {
            throw new IllegalArgumentException("bad progress epoch=" + epoch + " iteration=" + iteration
                    + " iterationsPerEpoch=" + iterationsPerEpoch + " totalEpochs=" + totalEpochs);
        }
    }

    /** Progress through the whole run in [0, 1], counting finished minibatches. */
    public double fraction() {
        double steps = (double) totalEpochs * iterationsPerEpoch;
        return Math.min(1.0, (epoch * (double) iterationsPerEpoch + iteration) / steps);
    }

    /** Global step number, from 0. */
    public long step() {
        return (long) epoch * iterationsPerEpoch + iteration;
    }

    /** Total steps of the run. */
    public long totalSteps() {
        return (long) totalEpochs * iterationsPerEpoch;
    }
}
