package org.mriworkbench.train;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The outcome of {@link Trainer#train} or {@link Trainer#resume}.
 *
 * @param network   the best epoch's network when early stopping restores it, else the last epoch's
 * @param history   one entry per completed epoch, including epochs done before a resume
 * @param bestEpoch epoch with the lowest validation loss, or -1 when no epoch finished
 * @param bestValLoss that loss
 * @param status    why training ended
 * @param runDir    the folder holding checkpoint, best model and history
 */
public record TrainingResult(MultiLayerNetwork network, List<EpochStats> history, int bestEpoch, double bestValLoss,
                             Status status, Path runDir) {

    public TrainingResult {
        history = List.copyOf(history);
    }

    /** Why a training call returned. */
    public enum Status {
        /** All configured epochs ran. */
        COMPLETED,
        /** Early stopping ended the run. */
        EARLY_STOPPED,
        /** A stop was requested; the last checkpoint is intact and {@link Trainer#resume} continues from it. */
        INTERRUPTED
    }

    /** Last completed epoch's stats. */
    public EpochStats last() {
        if (history.isEmpty()) {
            throw new IllegalStateException("no epoch completed");
        }
        return history.get(history.size() - 1);
    }
}
