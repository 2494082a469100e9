package org.mriworkbench.experiment;

import org.mriworkbench.data.Subset;
import org.mriworkbench.data.Task;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.imbalance.ClassSubsampler;
import org.mriworkbench.train.Checkpoints;
import org.mriworkbench.train.TensorDataset;
import org.mriworkbench.train.TrainConfig;
import org.mriworkbench.train.Trainer;
import org.mriworkbench.train.TrainingListener;
import org.mriworkbench.train.TrainingResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.mriworkbench.eval.Predictions;

/**
 * Runs one experiment end to end: a recorded run folder, training with checkpoints, and predictions on the
 * validation and test subsets. The command line and the notebooks both call this, so a run started in either looks
 * the same on disk and can be resumed, evaluated and compared by the other.
 */
public final class ExperimentRunner {

    private static final int EVAL_BATCH = 64;

    private final PreparedData data;
    private final Path runsRoot;
    private final RunData.Limits limits;
    private final TrainingListener listener;
    private final BooleanSupplier stop;
    private final boolean validationOnly;

    private ExperimentRunner(PreparedData data, Path runsRoot, RunData.Limits limits, TrainingListener listener,
                             BooleanSupplier stop, boolean validationOnly) {
        this.data = Objects.requireNonNull(data, "data");
        this.runsRoot = Objects.requireNonNull(runsRoot, "runsRoot");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.stop = Objects.requireNonNull(stop, "stop");
        this.validationOnly = validationOnly;
    }

    /**
     * A runner writing run folders under {@code runsRoot}, with no limits, no listener and no stop signal. Runners
     * are immutable: every {@code with...} returns a changed copy, so one runner can be shared by several runs.
     */
    public static ExperimentRunner of(PreparedData data, Path runsRoot) {
        return new ExperimentRunner(data, runsRoot, RunData.Limits.NONE, new TrainingListener() { }, () -> false,
                false);
    }

    /**
     * Trains and evaluates on at most this many images per class (stratified, seeded by the run's seed); 0 keeps
     * all. The quick profile uses it so notebooks run in minutes; the limits are recorded in {@code data.json}.
     */
    public ExperimentRunner withLimits(int maxTrainPerClass, int maxEvalPerClass) {
        return withLimits(new RunData.Limits(maxTrainPerClass, maxEvalPerClass, limits.reducedClass(),
                limits.reducedFraction()));
    }

    /** A copy with all four limits of {@code limits} (as a run's {@code data.json} records them). */
    public ExperimentRunner withLimits(RunData.Limits limits) {
        return new ExperimentRunner(data, runsRoot, limits, listener, stop, validationOnly);
    }

    /** This runner's limits. */
    public RunData.Limits limits() {
        return limits;
    }

    /**
     * Keeps only {@code fraction} of one class's training images (seeded), to make class imbalance visible in
     * teaching, e.g. no-tumour at 10%. Validation and test are left as they are, so the effect is measured
     * honestly. Recorded in {@code data.json}.
     */
    public ExperimentRunner withTrainClassFraction(int classIndex, double fraction) {
        return withLimits(new RunData.Limits(limits.maxTrainPerClass(), limits.maxEvalPerClass(), classIndex,
                fraction));
    }

    /** Applies a profile's limits; see {@link #withLimits(int, int)}. */
    public ExperimentRunner withProfile(Profile p) {
        return withLimits(p.maxTrainPerClass(), p.maxEvalPerClass());
    }

    /** A copy that reports training progress to {@code l}. */
    public ExperimentRunner withListener(TrainingListener l) {
        return new ExperimentRunner(data, runsRoot, limits, l, stop, validationOnly);
    }

    /** A copy that stops training (leaving a resumable checkpoint) once {@code s} says so. */
    public ExperimentRunner withStopSignal(BooleanSupplier s) {
        return new ExperimentRunner(data, runsRoot, limits, listener, s, validationOnly);
    }

    /**
     * A copy unable to reach the test subset: runs end with their validation predictions, and asking for test images
     * throws. A search over configs ({@code sweep}) must select on validation only; a runner that cannot read the
     * test set makes that a property of the code instead of the caller's care.
     */
    public ExperimentRunner validationOnly() {
        return new ExperimentRunner(data, runsRoot, limits, listener, stop, true);
    }

    /** Whether {@link #validationOnly()} was set. */
    public boolean isValidationOnly() {
        return validationOnly;
    }

    /** What a finished (or interrupted) run left behind; {@code test} is null for a validation-only runner. */
    public record Outcome(Path runDir, TrainingResult training, Predictions validation, Predictions test,
                          Manifest manifest) {
    }

    /** Trains a new run with {@code config}; the run folder is created under the runs root. */
    public Outcome train(TrainConfig config) throws IOException {
        Task task = config.task();
        TensorDataset train = subset(Subset.TRAIN, task, config.seed());
        TensorDataset val = subset(Subset.VALIDATION, task, config.seed());
        RunRecorder rec = RunRecorder.start(runsRoot, config, data.index().fingerprint(), data.split().fingerprint());
        writeProvenance(rec.folder().dir(), task);
        TrainingResult result = Trainer.of(config).withListener(listener).withStopSignal(stop)
                .train(train, val, rec.folder().dir());
        return finish(rec, result, task, val, config.seed(), config.testTimeFlip());
    }

    /**
     * The folder of a finished run of exactly {@code config} on exactly this runner's data (reused), else the interrupted
     * one resumed, else a new run. So a long series of runs (a notebook, {@code reproduce}) can be stopped and
     * started again without training anything twice. Throws when training is stopped, naming how to continue.
     */
    public Path trainOrReuse(TrainConfig config) throws IOException {
        Optional<RunRecord> done = Optional.empty();
        Optional<RunRecord> unfinished = Optional.empty();
        if (Files.isDirectory(runsRoot)) {
            for (RunRecord r : RunRecord.list(runsRoot)) {
                if (r.config().equals(config) && sameDataAs(r.folder().dir())) {
                    if (validationOnly ? finishedOnValidation(r) : r.predictions().isPresent()) {
                        done = Optional.of(r);
                    } else if (Files.exists(r.folder().checkpointState())) {
                        unfinished = Optional.of(r);
                    }
                }
            }
        }
        if (done.isPresent()) {
            return done.get().folder().dir();
        }
        ExperimentRunner.Outcome o = unfinished.isPresent() ? resume(unfinished.get().folder().dir())
                : train(config);
        if (o.validation() == null) {
            throw new RunStoppedException(o.runDir());
        }
        return o.runDir();
    }

    private static boolean finishedOnValidation(RunRecord r) {
        return r.manifest().endTime() != null
                && Files.exists(r.folder().validationPredictions());
    }

    /** One subset of the prepared data for a task, within this runner's limits. */
    public TensorDataset subset(Subset s, Task task, long seed) {
        if (validationOnly && s == Subset.TEST) {
            throw new IllegalStateException("this runner is validation-only: it never reads test images");
        }
        // Cap first, then reduce: reducing first and capping after would undo the imbalance being taught.
        TensorDataset d = Profile.limit(data.dataset(s, task),
                s == Subset.TRAIN ? limits.maxTrainPerClass() : limits.maxEvalPerClass(), seed);
        if (s == Subset.TRAIN && limits.reducedClass() >= 0 && limits.reducedFraction() < 1.0) {
            d = d.subset(new ClassSubsampler(limits.reducedClass(), limits.reducedFraction(), seed)
                    .keptIndices(d.labels()));
        }
        return d;
    }

    /**
     * Whether the run in {@code runDir} saw exactly the images this runner would give it: the same data set, split,
     * preprocessing and limits. A run of the same config on other data must never be mistaken for this one.
     */
    public boolean sameDataAs(Path runDir) {
        try {
            RunData d = RunData.read(runDir);
            return d.datasetFingerprint().equals(data.index().fingerprint())
                    && d.splitFingerprint().equals(data.split().fingerprint())
                    && d.preprocessingJson().equals(data.preprocessing().toJson())
                    && d.limits().equals(limits);
        } catch (IOException | RuntimeException e) {
            return false; // an unreadable record cannot vouch for its data
        }
    }

    /**
     * Continues an interrupted run from its last checkpoint, on the same prepared data and with the limits the run
     * recorded in its {@code data.json} (whatever this runner's own are: this runner is not changed).
     */
    public Outcome resume(Path runDir) throws IOException {
        RunData.Limits recorded = RunData.read(runDir).limits();
        return recorded.equals(limits) ? resumeAsIs(runDir) : withLimits(recorded).resumeAsIs(runDir);
    }

    private Outcome resumeAsIs(Path runDir) throws IOException {
        RunRecorder rec = RunRecorder.reopen(runDir);
        TrainConfig config = TrainConfig.read(rec.folder().config());
        Task task = config.task();
        TensorDataset train = subset(Subset.TRAIN, task, config.seed());
        TensorDataset val = subset(Subset.VALIDATION, task, config.seed());
        TrainingResult result = Trainer.fromRun(runDir).withListener(listener).withStopSignal(stop)
                .resume(train, val, runDir);
        return finish(rec, result, task, val, config.seed(), config.testTimeFlip());
    }

    private Outcome finish(RunRecorder rec, TrainingResult result, Task task, TensorDataset val, long seed,
                           boolean testTimeFlip) throws IOException {
        if (result.status() == TrainingResult.Status.INTERRUPTED) {
            return new Outcome(rec.folder().dir(), result, null, null, rec.manifest());
        }
        // Predict with the model the run keeps (best validation loss), not whatever the last epoch left in memory.
        MultiLayerNetwork kept = Checkpoints.loadNetwork(rec.folder().model(), false);
        Predictions valPred = Predictions.compute(kept, task, val, EVAL_BATCH, testTimeFlip);
        valPred.write(rec.folder().validationPredictions());
        Predictions testPred = validationOnly ? null : rec.writePredictions(kept, subset(Subset.TEST, task, seed));
        if (testPred != null) {
            TestClusters.write(rec.folder().dir(), testPred.ids(), data.clusterIds());
        }
        Manifest m = rec.finish();
        return new Outcome(rec.folder().dir(), result, valPred, testPred, m);
    }

    private void writeProvenance(Path runDir, Task task) throws IOException {
        data.runData(task, limits).write(runDir);
    }

    /** Thrown by {@link #trainOrReuse} when training is stopped; calling it again resumes the run. */
    public static final class RunStoppedException extends IOException {
        public RunStoppedException(Path runDir) {
            super("training was stopped; its checkpoint is in " + runDir + ". Run the same command again to resume it");
        }
    }
}
