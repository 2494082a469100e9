package org.mriworkbench.sweep;

import org.mriworkbench.experiment.ExperimentRunner;
import org.mriworkbench.experiment.PreparedData;
import org.mriworkbench.core.ProgressListener;
import org.mriworkbench.train.TrainingListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The default executor: trials one after another in this JVM, each through a validation-only
 * {@link ExperimentRunner#trainOrReuse}, so every trial is a recorded run, finished runs are reused and interrupted
 * ones resumed exactly as {@code reproduce} does, and no test image reaches a model. The prepared data of the last
 * trial is kept, so trials at the same input size scan and load the images once.
 */
public final class InProcessExecutor implements TrialExecutor {

    private TrainingListener listener = new TrainingListener() { };
    private ProgressListener progress = ProgressListener.NONE;
    private BooleanSupplier stop = () -> false;
    private String preparedKey;
    private PreparedData prepared;

    private InProcessExecutor() {
    }

    public static InProcessExecutor create() {
        return new InProcessExecutor();
    }

    public InProcessExecutor withListener(TrainingListener l) {
        this.listener = Objects.requireNonNull(l);
        return this;
    }

    public InProcessExecutor withProgress(ProgressListener p) {
        this.progress = Objects.requireNonNull(p);
        return this;
    }

    /** Stops training between minibatches; the trial's checkpoint stays and the next run resumes it. */
    public InProcessExecutor withStopSignal(BooleanSupplier s) {
        this.stop = Objects.requireNonNull(s);
        return this;
    }

    @Override
    public TrialOutcome run(Trial trial) throws IOException {
        PreparedData data = prepare(trial);
        TrialData d = trial.data();
        ExperimentRunner runner = ExperimentRunner.of(data, Path.of(d.runsRoot()))
                .withLimits(d.maxTrainPerClass(), d.maxEvalPerClass()).validationOnly()
                .withListener(listener).withStopSignal(stop);
        Path dir = runner.trainOrReuse(trial.config());
        return TrialOutcome.fromRun(trial, dir);
    }

    /** The trial's prepared data: the same object as the previous trial's when data and input size agree. */
    PreparedData prepare(Trial trial) {
        TrialData d = trial.data();
        int size = trial.config().inputSize();
        String key = d.dataRoot() + "|" + d.cacheDir() + "|" + d.audit() + "|" + d.split() + "|"
                + d.preprocessing(size).toJson();
        if (!key.equals(preparedKey)) {
            prepared = null; // let the previous tensors go before loading the next
            prepared = PreparedData.prepare(Path.of(d.dataRoot()), Path.of(d.cacheDir()), d.audit(), d.split(),
                    d.preprocessing(size), progress);
            preparedKey = key;
        }
        return prepared;
    }
}
