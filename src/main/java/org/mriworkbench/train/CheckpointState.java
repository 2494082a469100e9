package org.mriworkbench.train;

import java.util.List;

/**
 * The non-tensor half of a checkpoint, stored as {@code checkpoint.json} next to the network zip it names. Together
 * with {@code config.json} and the data it is everything needed to continue a run exactly as if it had not stopped.
 *
 * <p>There is no random-generator state to store: epoch plans and augmentation are pure functions of
 * (seed, epoch, position) and the ND4J generator used by dropout is reseeded from (seed, epoch, minibatch) before
 * every minibatch (see {@link #RNG_SCHEME}). The plateau schedule's state is replayed from {@link #history()}.
 *
 * @param formatVersion            file format version, {@value #FORMAT}
 * @param epochsCompleted          epochs finished; the next epoch to run
 * @param networkFile              name of the network zip (with updater state) in the run folder
 * @param history                  stats of each finished epoch
 * @param bestEpoch                epoch with the lowest validation loss so far, or -1
 * @param bestValLoss              that loss, or +Infinity
 * @param epochsWithoutImprovement early-stopping counter
 * @param status                   {@code RUNNING}, or the {@link TrainingResult.Status} that ended the run
 * @param iterationCount           DL4J's minibatch counter (also inside the zip), for cross-checking
 * @param configSha256             hash of the config the run started with; resume refuses a different one
 * @param dataFingerprint          {@link TensorDataset#fingerprint()} of the training and validation sets joined by
 *                                 {@code +}; resume refuses other data, which could not reproduce the run
 * @param rngScheme                how randomness is derived, so an old checkpoint says what it assumed
 * @param savedAt                  ISO-8601 time of writing
 */
public record CheckpointState(int formatVersion, int epochsCompleted, String networkFile, List<EpochStats> history,
                              int bestEpoch, double bestValLoss, int epochsWithoutImprovement, String status,
                              long iterationCount, String configSha256, String dataFingerprint,
                              String rngScheme, String savedAt) {

    /** Current format version. */
    public static final int FORMAT = 1;

    /** Still running (or interrupted): resume continues it. */
    public static final String RUNNING = "RUNNING";

    /** The randomness contract this version of the trainer follows. */
    public static final String RNG_SCHEME = "plans: ImbalanceStrategy.plan(labels, k, seed, epoch); augmentation: "
            + "AugmentSeeds.forSample(derive(seed,-1,1), epoch, position); ND4J RNG reseeded per minibatch with "
            + "derive(derive(seed,-1,2), epoch, minibatch)";

    public CheckpointState {
        history = List.copyOf(history);
    }

    /** Whether the run had already ended when this was written. */
    public boolean finished() {
        return !RUNNING.equals(status);
    }
}
