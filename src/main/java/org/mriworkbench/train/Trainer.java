package org.mriworkbench.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.core.Sha256;
import org.mriworkbench.imbalance.EpochPlan;
import org.mriworkbench.model.CnnSpec;

/**
 * Trains a {@link CnnSpec} network on in-memory {@link TensorDataset}s according to a {@link TrainConfig}, writing a
 * checkpoint to the run folder after every epoch so that {@link #resume} can finish an interrupted run with exactly
 * the result an uninterrupted one would have had (same machine, same thread count).
 *
 * <p>Each epoch: the imbalance strategy's {@link EpochPlan} gives the visiting order, per-visit augmentation strength
 * and class weights; minibatches are assembled and augmented per visit; the network is fitted minibatch by
 * minibatch under the learning-rate schedule; then the validation loss and accuracy are measured, the best network is
 * saved as {@code model.zip}, early stopping is checked, and the checkpoint is written.
 *
 * <p>Stopping: set the stop signal ({@link #withStopSignal}) or interrupt the training thread. The trainer checks
 * between minibatches and returns {@link TrainingResult.Status#INTERRUPTED}; the partial epoch is discarded and the
 * last checkpoint stays intact. A killed process is handled the same way by {@link #resume}.
 *
 * <p>Instances are immutable; {@code with*} return copies.
 */
public final class Trainer {

    private final TrainConfig config;
    private final List<TrainingListener> listeners;
    private final BooleanSupplier stopSignal;

    private Trainer(TrainConfig config, List<TrainingListener> listeners, BooleanSupplier stopSignal) {
        this.config = Objects.requireNonNull(config, "config");
        this.listeners = List.copyOf(listeners);
        this.stopSignal = Objects.requireNonNull(stopSignal, "stopSignal");
    }

    /** A trainer for {@code config} with no listeners. */
    public static Trainer of(TrainConfig config) {
        return new Trainer(config, List.of(), () -> false);
    }

    /** A trainer for the config stored in {@code runDir/config.json}, to resume that run. */
    public static Trainer fromRun(Path runDir) throws IOException {
        return of(TrainConfig.read(runDir.resolve(Checkpoints.CONFIG_FILE)));
    }

    /** Continues the run in {@code runDir} with its stored config and no listeners. */
    public static TrainingResult resume(Path runDir, TensorDataset train, TensorDataset validation)
            throws IOException {
        return fromRun(runDir).resume(train, validation, runDir);
    }

    public TrainConfig config() {
        return config;
    }

    /** A copy that also notifies {@code listener}. */
    public Trainer withListener(TrainingListener listener) {
        List<TrainingListener> l = new ArrayList<>(listeners);
        l.add(Objects.requireNonNull(listener, "listener"));
        return new Trainer(config, l, stopSignal);
    }

    /** A copy that stops (cooperatively, between minibatches) once {@code stop} returns true. */
    public Trainer withStopSignal(BooleanSupplier stop) {
        return new Trainer(config, listeners, stop);
    }

    /**
     * Trains from scratch into {@code runDir} (created if needed), which must not hold a checkpoint yet.
     *
     * @param validation validation images; may be empty (then no early stopping, and model.zip is the last epoch)
     */
    public TrainingResult train(TensorDataset train, TensorDataset validation, Path runDir) throws IOException {
        check(train, validation);
        if (Files.exists(runDir.resolve(Checkpoints.STATE_FILE))) {
            throw new IllegalStateException(runDir + " already holds a checkpoint; use resume, or a new run folder");
        }
        Files.createDirectories(runDir);
        writeConfig(runDir);
        NativeThreads.apply(config.threads());
        String sha = Sha256.hex(config.toJson());
        MultiLayerNetwork net = buildNetwork(TrainingLoop.plan(config, train.labels(), 0));
        CheckpointState start = TrainingLoop.initialState(sha, dataFingerprint(train, validation));
        Checkpoints.save(runDir, net, start);
        return new TrainingLoop(config, listeners, stopSignal, train, validation, runDir, net, start).run();
    }

    /**
     * Continues the run in {@code runDir} from its last checkpoint, with the same data it was started with. A run
     * that had already finished is not trained further; its result is rebuilt from the saved files.
     *
     * @throws CheckpointException naming the file when the checkpoint is missing or unreadable
     * @throws IllegalStateException when this trainer's config or the data differ from those the run started with
     */
    public TrainingResult resume(TensorDataset train, TensorDataset validation, Path runDir) throws IOException {
        check(train, validation);
        CheckpointState state = Checkpoints.readState(runDir);
        String sha = Sha256.hex(config.toJson());
        if (!sha.equals(state.configSha256())) {
            throw new IllegalStateException("config differs from the one " + runDir + " was started with; resume with"
                    + " Trainer.fromRun(runDir)");
        }
        if (!dataFingerprint(train, validation).equals(state.dataFingerprint())) {
            throw new IllegalStateException("training or validation data differ from those " + runDir
                    + " was started with; the run could not be continued reproducibly");
        }
        NativeThreads.apply(config.threads());
        if (state.finished()) {
            boolean best = config.earlyStopping().restoreBest() && state.bestEpoch() >= 0;
            MultiLayerNetwork net = Checkpoints.loadNetwork(runDir.resolve(best ? Checkpoints.MODEL_FILE
                    : state.networkFile()), false);
            return new TrainingResult(net, state.history(), state.bestEpoch(), state.bestValLoss(),
                    TrainingResult.Status.valueOf(state.status()), runDir);
        }
        MultiLayerNetwork net = Checkpoints.loadNetwork(runDir.resolve(state.networkFile()), true);
        return new TrainingLoop(config, listeners, stopSignal, train, validation, runDir, net, state).run();
    }

    /** The initialised network of this config, with the loss weighted as {@code firstPlan} says. */
    MultiLayerNetwork buildNetwork(EpochPlan firstPlan) {
        CnnSpec spec = config.model();
        double[] w = firstPlan.classWeights().orElse(null);
        if (w != null) {
            spec = spec.toBuilder().optClassWeights(w).build();
        }
        return spec.build(config.optimiser().updater(config.learningRate(), config.momentum()),
                config.weightDecay());
    }

    private void writeConfig(Path runDir) throws IOException {
        Path file = runDir.resolve(Checkpoints.CONFIG_FILE);
        if (Files.exists(file)) {
            TrainConfig existing = TrainConfig.read(file);
            if (!existing.equals(config)) {
                throw new IllegalStateException(file + " holds a different config");
            }
            return;
        }
        config.write(file);
    }

    private void check(TensorDataset train, TensorDataset validation) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation (pass an empty data set for none)");
        if (train.size() == 0) {
            throw new IllegalArgumentException("no training images");
        }
        if (validation.size() == 0 && config.earlyStopping().enabled()) {
            throw new IllegalArgumentException("early stopping needs validation images");
        }
        CnnSpec m = config.model();
        for (TensorDataset d : List.of(train, validation)) {
            if (d.channels() != m.channels() || d.height() != m.inputHeight() || d.width() != m.inputWidth()) {
                throw new IllegalArgumentException("data " + d + " does not fit the model input " + m.channels()
                        + "x" + m.inputHeight() + "x" + m.inputWidth());
            }
            d.classCounts(m.numClasses()); // rejects labels outside the task
        }
    }

    /** Fingerprint of both data sets; hashing is about 1 s per 100 million floats, small next to an epoch. */
    static String dataFingerprint(TensorDataset train, TensorDataset validation) {
        return train.fingerprint() + "+" + validation.fingerprint();
    }
}
