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

/**
 * A run's folder, {@code runs/<yyyyMMdd-HHmmss>-<name>/}, and the names of the files in it. The timestamp comes first
 * so that listing the folder lists runs in start order.
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
        return dir.resolve(Manifest.FILE);
    }

    /** The best model, written by the trainer. */
    public Path model() {
        return dir.resolve(Checkpoints.MODEL_FILE);
    }

    public Path predictions() {
        return dir.resolve(Predictions.FILE);
    }

    /** The folder's name, e.g. {@code 20250101-120000-baseline}. */
    public String name() {
        return dir.getFileName().toString();
    }
}
