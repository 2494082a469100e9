package org.mriworkbench.train;

import org.mriworkbench.model.LayerHelpers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.mriworkbench.model.OneDnnLayers;

/**
 * Reads and writes the files of a run folder that the trainer owns. A checkpoint is two files: the network with its
 * optimiser state ({@code checkpoint-epoch-NNNN.zip}) and {@code checkpoint.json}, which names it. The zip is
 * written (atomically) first and the JSON last, so the JSON is the commit point: a process killed anywhere leaves
 * a JSON that names a complete zip. Older zips are deleted only after the new JSON is in place.
 */
public final class Checkpoints {

    /** Checkpoint metadata file name. */
    public static final String STATE_FILE = "checkpoint.json";
    /** Best (or, without validation data, latest) network, without optimiser state. */
    public static final String MODEL_FILE = "model.zip";
    /** The run's config. */
    public static final String CONFIG_FILE = "config.json";
    /** Per-epoch history. */
    public static final String HISTORY_FILE = "history.csv";

    private Checkpoints() {
    }

    /** Writes the network (with updater) and then its state, atomically, and removes older checkpoint zips. */
    public static void save(Path runDir, MultiLayerNetwork net, CheckpointState state) throws IOException {
        Path zip = runDir.resolve(state.networkFile());
        writeNetwork(zip, net, true);
        Json.write(runDir.resolve(STATE_FILE), state);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(runDir, "checkpoint-epoch-*.zip")) {
            for (Path p : old) {
                if (!p.getFileName().toString().equals(state.networkFile())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The checkpoint zip name for a state after {@code epochsCompleted} epochs. */
    public static String networkFileName(int epochsCompleted) {
        return String.format("checkpoint-epoch-%04d.zip", epochsCompleted);
    }

    /** Writes {@code net} to {@code file} atomically, with or without optimiser state. */
    public static void writeNetwork(Path file, MultiLayerNetwork net, boolean withUpdater) throws IOException {
        AtomicFiles.write(file, out -> ModelSerializer.writeModel(net, out, withUpdater));
    }

    /** Reads {@code checkpoint.json} of a run folder. */
    public static CheckpointState readState(Path runDir) throws CheckpointException {
        Path file = runDir.resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file, "no checkpoint to resume from (missing file)", null);
        }
        CheckpointState s;
        try {
            s = Json.read(file, CheckpointState.class);
        } catch (IOException e) {
            throw new CheckpointException(file, "corrupt checkpoint state", e);
        }
        if (s.formatVersion() != CheckpointState.FORMAT || s.networkFile() == null || s.history() == null
                || s.epochsCompleted() != s.history().size()) {
            throw new CheckpointException(file, "inconsistent checkpoint state (format " + s.formatVersion()
                    + ", " + s.epochsCompleted() + " epochs completed)", null);
        }
        return s;
    }

    /**
     * Loads a network saved by {@link #writeNetwork} or DL4J's {@code ModelSerializer}.
     *
     * @throws CheckpointException naming {@code file} when it is missing, truncated or not a DL4J model
     */
    public static MultiLayerNetwork loadNetwork(Path file, boolean withUpdater) throws CheckpointException {
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file, "missing model file", null);
        }
        OneDnnLayers.enable(); // restored layers pick their helpers as they are created
        try (InputStream in = Files.newInputStream(file)) {
            return LayerHelpers.install(ModelSerializer.restoreMultiLayerNetwork(in, withUpdater));
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException(file, "corrupt or unreadable model file", e);
        }
    }
}
