package org.mriworkbench.data;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mriworkbench.core.AtomicFolder;
import org.mriworkbench.core.Label;
import org.mriworkbench.phantom.PhantomConfig;
import org.mriworkbench.phantom.PhantomGenerator;

/**
 * Where the data set for a run lives, and why. Every run prints and records this, because "which data did that
 * model see?" is the first question when two results disagree, and a silent fall-back from real data to phantoms
 * would make a result look like something it is not.
 *
 * <p>{@link #resolve} tries, in order: (a) a folder configured explicitly (the CLI's {@code --data}); (b) the
 * environment variable {@value #ENV_VAR}; (c) {@code <repo>/data/brain-tumor-mri}; (d) the team's shared copy
 * {@code <repo>/../shared/data/brain-tumor-mri}; (e) phantoms in {@code <repo>/data/phantoms}, generated on first
 * use and reused afterwards. A folder named in (a) or (b) must exist and look like a data set, otherwise resolving
 * fails with the path and the expected layout: the user asked for that folder. The default folders (c) and (d) are
 * skipped when absent, and skipped with a note in {@link #reason} when present but not a data set.
 *
 * @param path   absolute, normalised folder of the data set
 * @param kind   real images or generated phantoms
 * @param reason how the folder was chosen, for logs and provenance, e.g. "from MRI_WORKBENCH_DATA"
 */
public record DataLocation(Path path, Kind kind, String reason) {

    /** Whether the images are real scans or synthetic phantoms; results on phantoms say nothing medical. */
    public enum Kind { REAL, PHANTOM }

    /** Environment variable naming the data folder when no folder is configured explicitly. */
    public static final String ENV_VAR = "MRI_WORKBENCH_DATA";
    /** Default folder of the real data set, relative to the repository root; the importer writes here. */
    public static final Path REPO_DATA = Path.of("data", "brain-tumor-mri");
    /** The team's shared copy, relative to the repository root. */
    public static final Path SHARED_DATA = Path.of("..", "shared", "data", "brain-tumor-mri");
    /** Where phantoms are generated when no real data is found, relative to the repository root. */
    public static final Path PHANTOM_DATA = Path.of("data", "phantoms");
    /** The layouts a data folder may have, for error messages. */
    public static final String EXPECTED_LAYOUT = "Training/<class>/*.jpg and Testing/<class>/*.jpg, or <class>/*.jpg, "
            + "where <class> is glioma, meningioma, notumor or pituitary (or another spelling of them)";

    public DataLocation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@link #resolve(Path, Optional, Map, PhantomGenerator)} with phantoms of the default config. */
    public static DataLocation resolve(Path repoRoot, Optional<Path> configured, Map<String, String> environment)
            throws IOException {
        return resolve(repoRoot, configured, environment, new PhantomGenerator(PhantomConfig.defaults()));
    }

    /**
     * Finds the data set in the documented order.
     *
     * @param repoRoot    the repository (working) folder that the default locations are relative to
     * @param configured  folder given explicitly, e.g. by {@code --data}; relative paths are taken from the
     *                    working directory, as a user typing them expects
     * @param environment environment variables, usually {@code System.getenv()}; passed in so tests control it
     * @param phantoms    generator for the last resort; only used, and only writes, when nothing else is found
     * @throws IllegalArgumentException when a configured or environment folder is missing or not a data set
     * @throws IOException              when phantoms had to be generated and writing them failed
     */
    public static DataLocation resolve(Path repoRoot, Optional<Path> configured, Map<String, String> environment,
                                       PhantomGenerator phantoms) throws IOException {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(configured, "configured");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(phantoms, "phantoms");
        if (configured.isPresent()) {
            return explicit(configured.get(), "from --data");
        }
        String env = environment.get(ENV_VAR);
        if (env != null && !env.isBlank()) {
            return explicit(Path.of(env.trim()), "from " + ENV_VAR);
        }
        Path repo = repoRoot.toAbsolutePath().normalize();
        List<String> skipped = new ArrayList<>();
        for (Path candidate : List.of(REPO_DATA, SHARED_DATA)) {
            Path dir = repo.resolve(candidate).normalize();
            if (!Files.exists(dir)) {
                continue;
            }
            if (looksLikeDataset(dir)) {
                String how = candidate == REPO_DATA ? "repository copy " : "team's shared copy ";
                return new DataLocation(dir, kindOf(dir), how + candidate + note(skipped));
            }
            skipped.add(dir + " exists but is not a data set (expected " + EXPECTED_LAYOUT + ")");
        }
        Path phantomDir = repo.resolve(PHANTOM_DATA).normalize();
        boolean reuse = phantoms.ready(phantomDir);
        phantoms.writeDataset(phantomDir);
        String how = (reuse ? "reused" : "generated") + " phantoms, no real data found (" + ENV_VAR + " unset, no "
                + REPO_DATA + ", no " + SHARED_DATA + ")";
        return new DataLocation(phantomDir, Kind.PHANTOM, how + note(skipped));
    }

    /**
     * Where a notebook reads its data: the folder in {@value #ENV_VAR} when set, else phantoms in
     * {@code <repo>/data/phantoms} (generated on first use). Notebooks default to phantoms so that a notebook run
     * never silently switches to a different data set; {@code environment/start} sets {@value #ENV_VAR} to the
     * real data when it finds it.
     */
    public static DataLocation forNotebook(Path repoRoot, Map<String, String> environment) throws IOException {
        String env = environment.get(ENV_VAR);
        if (env != null && !env.isBlank()) {
            return explicit(Path.of(env.trim()), "from " + ENV_VAR);
        }
        PhantomGenerator phantoms = new PhantomGenerator(PhantomConfig.defaults());
        Path dir = repoRoot.toAbsolutePath().normalize().resolve(PHANTOM_DATA).normalize();
        boolean reuse = phantoms.ready(dir);
        phantoms.writeDataset(dir);
        return new DataLocation(dir, Kind.PHANTOM, (reuse ? "reused" : "generated") + " phantoms (" + ENV_VAR
                + " unset; set it to use the real data)");
    }

    private static DataLocation explicit(Path given, String how) {
        Path dir = given.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("data folder " + dir + " (" + how + ") does not exist or is not a "
                    + "folder; expected a folder with " + EXPECTED_LAYOUT
                    + ". See data/README.md for how to get the data set.");
        }
        if (!looksLikeDataset(dir)) {
            throw new IllegalArgumentException("data folder " + dir + " (" + how + ") does not look like a data set: "
                    + "expected " + EXPECTED_LAYOUT + ", with at least one image.");
        }
        return new DataLocation(dir, kindOf(dir), how);
    }

    private static Kind kindOf(Path dir) {
        return PhantomGenerator.isPhantomDataset(dir) ? Kind.PHANTOM : Kind.REAL;
    }

    private static String note(List<String> skipped) {
        return skipped.isEmpty() ? "" : "; skipped " + String.join("; skipped ", skipped);
    }

    /**
     * A shallow check that {@code dir} has the layout of a data set: class folders known to {@link Label}, either
     * directly or one level down (split folders), at least one of them not empty. Counting and decoding images is
     * the scanner's job; this only keeps an empty or unrelated folder from being taken for data.
     */
    public static boolean looksLikeDataset(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try {
            if (hasNonEmptyClassFolder(dir)) {
                return true;
            }
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
                for (Path split : children) {
                    if (!hidden(split) && hasNonEmptyClassFolder(split)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasNonEmptyClassFolder(Path dir) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path child : children) {
                if (!hidden(child) && Label.fromFolderName(child.getFileName().toString()).isPresent()
                        && !AtomicFolder.isEmptyDirectory(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }
}
