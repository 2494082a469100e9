package org.mriworkbench.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.train.CheckpointException;
import org.mriworkbench.train.Checkpoints;
import org.mriworkbench.train.EpochStats;
import org.mriworkbench.train.HistoryCsv;
import org.mriworkbench.train.TrainConfig;
import org.mriworkbench.eval.Predictions;

/**
 * A finished (or running) run read back from its folder: config, manifest, history and, when written, test
 * predictions. The model itself is loaded only on request ({@link #loadModel()}) because it is the one large file.
 *
 * @param folder      the run folder
 * @param config      {@code config.json}
 * @param manifest    {@code manifest.json}
 * @param history     {@code history.csv}, empty before the first epoch ends
 * @param predictions {@code predictions.csv}, if written
 */
public record RunRecord(RunFolder folder, TrainConfig config, Manifest manifest, List<EpochStats> history,
                        Optional<Predictions> predictions) {

    public RunRecord {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(manifest, "manifest");
        history = List.copyOf(history);
        Objects.requireNonNull(predictions, "predictions");
    }

    /**
     * Reads the run in {@code dir}. Config and manifest are required; errors name the missing or broken file.
     */
    public static RunRecord read(Path dir) throws IOException {
        RunFolder f = new RunFolder(dir);
        TrainConfig config = TrainConfig.read(f.config());
        Manifest manifest = Manifest.read(f.manifest());
        List<EpochStats> history = Files.exists(f.history()) ? HistoryCsv.read(f.history()) : List.of();
        Optional<Predictions> predictions = Files.exists(f.predictions())
                ? Optional.of(Predictions.read(f.predictions())) : Optional.empty();
        return new RunRecord(f, config, manifest, history, predictions);
    }

    /**
     * Every readable run under {@code runsRoot} that has a manifest, oldest first. A folder whose config, manifest,
     * history or predictions cannot be read is left out with a note on standard error naming the file, so one
     * broken run never hides the others.
     */
    public static List<RunRecord> list(Path runsRoot) throws IOException {
        return list(runsRoot, note -> System.err.println("skipped run " + note));
    }

    /** As {@link #list(Path)}, handing each left-out folder's note (its name and why) to {@code skipped}. */
    public static List<RunRecord> list(Path runsRoot, Consumer<String> skipped) throws IOException {
        List<RunRecord> out = new ArrayList<>();
        for (RunFolder f : RunFolder.list(runsRoot)) {
            if (Files.exists(f.manifest())) {
                try {
                    out.add(read(f.dir()));
                } catch (IOException | RuntimeException e) {
                    skipped.accept(f.name() + ": " + e.getMessage());
                }
            }
        }
        return List.copyOf(out);
    }

    /** The newest finished run (with predictions) whose run name is {@code runName}, if any. */
    public static Optional<RunRecord> latest(Path runsRoot, String runName) throws IOException {
        if (!Files.isDirectory(runsRoot)) {
            return Optional.empty();
        }
        List<RunRecord> all = list(runsRoot);
        for (int i = all.size() - 1; i >= 0; i--) {
            RunRecord r = all.get(i);
            if (r.config().runName().equals(runName) && r.predictions().isPresent()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The saved best model. */
    public MultiLayerNetwork loadModel() throws CheckpointException {
        return Checkpoints.loadNetwork(folder.model(), false);
    }

    /** Epoch with the lowest validation loss, if any epoch has one. */
    public Optional<EpochStats> bestEpoch() {
        return history.stream().filter(h -> !Double.isNaN(h.valLoss()))
                .min((a, b) -> Double.compare(a.valLoss(), b.valLoss()));
    }

    /**
     * What differs between this run and {@code other}: config fields prefixed {@code config.}, provenance fields
     * prefixed {@code manifest.}. Timing fields (start, end, wall seconds) always differ and are left out.
     */
    public List<FieldDifference> diff(RunRecord other) {
        List<FieldDifference> out = new ArrayList<>();
        for (FieldDifference d : RecordDiff.diff(config, other.config)) {
            out.add(new FieldDifference("config." + d.field(), d.left(), d.right()));
        }
        for (FieldDifference d : manifest.diff(other.manifest)) {
            if (!List.of("startTime", "endTime", "wallSeconds").contains(d.field())) {
                out.add(new FieldDifference("manifest." + d.field(), d.left(), d.right()));
            }
        }
        return List.copyOf(out);
    }
}
