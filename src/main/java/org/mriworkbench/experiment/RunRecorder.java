package org.mriworkbench.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.train.TensorDataset;
import org.mriworkbench.train.TrainConfig;
import org.mriworkbench.eval.Predictions;

/**
 * Writes the provenance half of a run folder: {@code config.json} and {@code manifest.json} at the start, the end
 * time when training is over, and {@code predictions.csv} for the test set. The {@code Trainer} writes the other
 * half (checkpoints, {@code history.csv}, {@code model.zip}) into {@link #folder()}.
 *
 * <pre>{@code
 * RunRecorder rec = RunRecorder.start(Path.of("runs"), config, indexSha, splitSha);
 * TrainingResult r = Trainer.of(config).train(train, val, rec.folder().dir());
 * rec.writePredictions(r.network(), test);
 * rec.finish();
 * }</pre>
 */
public final class RunRecorder {

    private final RunFolder folder;
    private final TrainConfig config;
    private final Manifest manifest;

    private RunRecorder(RunFolder folder, TrainConfig config, Manifest manifest) {
        this.folder = folder;
        this.config = config;
        this.manifest = manifest;
    }

    /**
     * Creates {@code runsRoot/<yyyyMMdd-HHmmss>-<runName>/} and writes the config and a manifest captured now.
     *
     * @param datasetFingerprint the image set's fingerprint, e.g. the index SHA-256 or
     *                           {@link TensorDataset#fingerprint()}
     * @param splitFingerprint   the split's fingerprint
     */
    public static RunRecorder start(Path runsRoot, TrainConfig config, String datasetFingerprint,
                                    String splitFingerprint) throws IOException {
        Instant now = Instant.now();
        RunFolder folder = RunFolder.create(runsRoot, config.runName(), now);
        config.write(folder.config());
        Manifest m = Manifest.capture(config.runName(), config.seed(), config.threads(), datasetFingerprint,
                splitFingerprint, now);
        m.write(folder.manifest());
        return new RunRecorder(folder, config, m);
    }

    /** Reopens an existing run folder, e.g. to finish it after {@code Trainer.resume}. */
    public static RunRecorder reopen(Path runDir) throws IOException {
        RunFolder folder = new RunFolder(runDir);
        return new RunRecorder(folder, TrainConfig.read(folder.config()), Manifest.read(folder.manifest()));
    }

    public RunFolder folder() {
        return folder;
    }

    /** The manifest as written at the start. */
    public Manifest manifest() {
        return manifest;
    }

    /** Records the end time and wall seconds in {@code manifest.json}; returns the final manifest. */
    public Manifest finish() throws IOException {
        Manifest done = manifest.withEnd(Instant.now());
        done.write(folder.manifest());
        return done;
    }

    /** Predicts {@code test} with {@code net} and writes {@code predictions.csv}. */
    public Predictions writePredictions(MultiLayerNetwork net, TensorDataset test) throws IOException {
        Predictions p = Predictions.compute(net, config.task(), test, Math.max(64, config.batchSize()),
                config.testTimeFlip());
        p.write(folder.predictions());
        return p;
    }
}
