package org.mriworkbench.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.mriworkbench.train.Checkpoints;
import org.mriworkbench.eval.Predictions;

/**
 * A run's folder, {@code runs/<yyyyMMdd-HHmmss>-<name>/}, and the names of the files in it. The timestamp comes first
 * so that listing the folder lists runs in start order. Every file name of a run is here and nowhere else (the trainer's
 * own files are named by {@link Checkpoints}, which this class wraps), so that what a run keeps on disk, and therefore
 * which old runs still load, is decided in one place.
 *
 * @param dir the folder
 */
public record RunFolder(Path dir) {

    /**
     * Environment variable naming the runs folder that the command line and the notebooks use by default. The
     * build's tests set it to a folder under {@code target/}, so that no test run ever lands among the user's own
     * experiments in {@code runs/}.
     */
    public static final String ENV_VAR = "MRI_WORKBENCH_RUNS";

    /** The data side of a run's provenance ({@link RunData}). */
    public static final String DATA_FILE = "data.json";
    /** Where and on what a run was trained ({@link Manifest}). */
    public static final String MANIFEST_FILE = "manifest.json";
    /** Predictions on the run's own (leakage-free) test subset. */
    public static final String PREDICTIONS_FILE = "predictions.csv";
    /** Predictions on the validation subset, used to choose thresholds and fit calibration without the test set. */
    public static final String VALIDATION_PREDICTIONS_FILE = "validation-predictions.csv";
    /** The duplicate cluster of every test image ({@link TestClusters}). */
    public static final String TEST_CLUSTERS_FILE = "test-clusters.csv";
    /** The Grad-CAM gallery of the most confident test errors; shows data-set images, so never committed. */
    public static final String FAILURE_GALLERY_FILE = "failure-gallery.png";
    /** The model card {@code model-card} writes by default. */
    public static final String MODEL_CARD_FILE = "MODEL_CARD.md";
    /** Suffix of what {@code evaluate --test official} writes ({@code metrics-official.json}, ...). */
    public static final String OFFICIAL_SUFFIX = "-official";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public RunFolder {
        Objects.requireNonNull(dir, "dir");
    }

    /**
     * Creates a new, empty run folder under {@code root}, named from the start time (in the system time zone) and a
     * file-name-safe form of {@code name}; {@code -2}, {@code -3}, ... is appended if that name is taken.
     */
    public static RunFolder create(Path root, String name, Instant start) throws IOException {
        Files.createDirectories(root);
        String base = STAMP.format(start.atZone(ZoneId.systemDefault())) + "-" + safe(name);
        for (int k = 1; ; k++) {
            Path dir = root.resolve(k == 1 ? base : base + "-" + k);
            try {
                Files.createDirectory(dir);
                return new RunFolder(dir);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // try the next suffix
            }
        }
    }

    /** The default runs folder of a process started in the repository: {@link #root(Path, Map)} of the cwd. */
    public static Path defaultRoot() {
        return root(Path.of(""), System.getenv());
    }

    /** {@code $MRI_WORKBENCH_RUNS} when set in {@code env}, else {@code repo/runs}. */
    public static Path root(Path repo, Map<String, String> env) {
        String v = env.get(ENV_VAR);
        return v == null || v.isBlank() ? repo.resolve("runs") : Path.of(v.trim());
    }

    /** Run folders under {@code root} (those with a {@code config.json}), oldest first; empty if none. */
    public static List<RunFolder> list(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(Checkpoints.CONFIG_FILE))).sorted()
                    .map(RunFolder::new).toList();
        }
    }

    static String safe(String name) {
        String s = name == null ? "" : name.trim().replaceAll("[^A-Za-z0-9._-]+", "-");
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "run" : s;
    }

    public Path config() {
        return dir.resolve(Checkpoints.CONFIG_FILE);
    }

    public Path history() {
        return dir.resolve(Checkpoints.HISTORY_FILE);
    }

    public Path manifest() {
        return dir.resolve(MANIFEST_FILE);
    }

    /** {@value #DATA_FILE}. */
    public Path data() {
        return dir.resolve(DATA_FILE);
    }

    /** The trainer's checkpoint state, present while a run can be resumed. */
    public Path checkpointState() {
        return dir.resolve(Checkpoints.STATE_FILE);
    }

    /** The best model, written by the trainer. */
    public Path model() {
        return dir.resolve(Checkpoints.MODEL_FILE);
    }

    public Path predictions() {
        return dir.resolve(PREDICTIONS_FILE);
    }

    /** {@value #VALIDATION_PREDICTIONS_FILE}. */
    public Path validationPredictions() {
        return dir.resolve(VALIDATION_PREDICTIONS_FILE);
    }

    /** Predictions on every image of the official Testing folder, leaked copies included. */
    public Path officialPredictions() {
        return dir.resolve("predictions" + OFFICIAL_SUFFIX + ".csv");
    }

    /** {@value #TEST_CLUSTERS_FILE}. */
    public Path testClusters() {
        return dir.resolve(TEST_CLUSTERS_FILE);
    }

    /** {@value #MODEL_CARD_FILE}. */
    public Path modelCard() {
        return dir.resolve(MODEL_CARD_FILE);
    }

    /** {@value #FAILURE_GALLERY_FILE}. */
    public Path failureGallery() {
        return dir.resolve(FAILURE_GALLERY_FILE);
    }

    /** {@code metrics.json} for suffix "", {@code metrics-official.json} for {@value #OFFICIAL_SUFFIX}. */
    public Path metrics(String suffix) {
        return dir.resolve(metricsFile(suffix));
    }

    /** The name of the metrics file for a suffix; see {@link #metrics(String)}. */
    public static String metricsFile(String suffix) {
        return "metrics" + suffix + ".json";
    }

    /**
     * A chart or table {@code evaluate} writes beside the metrics, e.g. {@code chart("roc", "-official", "png")};
     * the same names are used when the output goes to another folder.
     */
    public static String chartFile(String name, String suffix, String extension) {
        return name + suffix + "." + extension;
    }

    /** The folder's name, e.g. {@code 20250101-120000-baseline}. */
    public String name() {
        return dir.getFileName().toString();
    }
}
