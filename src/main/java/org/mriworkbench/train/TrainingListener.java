package org.mriworkbench.train;

import org.mriworkbench.core.ProgressListener;

/**
 * Receives training progress on the training thread, for progress bars, live notebook charts and run recorders.
 * Keep callbacks quick: they run between minibatches. Both methods default to doing nothing.
 */
public interface TrainingListener {

    /** Called after each minibatch's update. */
    default void onBatch(int epoch, int batch, int batchesInEpoch, double loss, double learningRate) {
    }

    /** Called after each epoch, once its checkpoint has been written. */
    default void onEpochEnd(EpochStats stats) {
    }

    /** Adapts a {@link ProgressListener}: reports minibatches done in the epoch under stage {@code train epoch k}. */
    static TrainingListener progress(ProgressListener progress) {
        return new TrainingListener() {
            @Override
            public void onBatch(int epoch, int batch, int batchesInEpoch, double loss, double learningRate) {
                progress.onProgress("train epoch " + (epoch + 1), batch + 1L, batchesInEpoch);
            }
        };
    }
}
