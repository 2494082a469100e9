package org.mriworkbench.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.mriworkbench.train.Json;

/**
 * Where, with what and on what a run was made: the provenance stored as {@code manifest.json} in the run folder,
 * after Tribuo's model provenance. Two manifests can be {@linkplain #diff diffed} to explain why two runs of the
 * same config differ (another data set, an uncommitted change, a different DL4J, CPU or thread count).
 *
 * @param runName            the run's name
 * @param seed               master seed of the run
 * @param datasetFingerprint fingerprint of the image set, as given by the caller (e.g. the index's SHA-256)
 * @param splitFingerprint   fingerprint of the train/validation/test assignment, as given by the caller
 * @param libraries          versions of DL4J, ND4J, the ND4J backend, Tablesaw, XChart, Jackson and Java
 * @param jvm                JVM vendor, name and version
 * @param os                 operating system name and version
 * @param arch               CPU architecture
 * @param cpuModel           CPU model from {@code /proc/cpuinfo}, or {@code unknown}
 * @param cores              processors available to the JVM
 * @param threads            native threads the run used
 * @param gitCommit          the commit the running code was built from (recorded by the build); without that record,
 *                           {@code git rev-parse HEAD} of the working directory, or {@code unknown}
 * @param gitDirty           whether that tree had uncommitted changes (the commit alone does not say what ran)
 * @param startTime          ISO-8601 start
 * @param endTime            ISO-8601 end, or null while running
 * @param wallSeconds        seconds from start to end, NaN while running
 * @param numerics           threads, CPU flags and oneDNN/OpenBLAS kernel choice: what the determinism contract
 *                           ({@code docs/determinism.md}) depends on; null in manifests written before it was recorded
 */
public record Manifest(String runName, long seed, String datasetFingerprint, String splitFingerprint,
                       Map<String, String> libraries, String jvm, String os, String arch, String cpuModel, int cores,
                       int threads, String gitCommit, boolean gitDirty, String startTime, String endTime,
                       double wallSeconds, Numerics numerics) {

    public Manifest {
        Objects.requireNonNull(runName, "runName");
        libraries = Map.copyOf(libraries);
    }

    /**
     * Probes this JVM and machine for a run starting now. The commit is the one the classes were built from, which
     * the build records; only when it did not is it read from the process's working directory (the repository when
     * started from it; elsewhere {@code unknown}). The working directory alone recorded the wrong code for a jar
     * built from another checkout: a probe run with a jar built at 8eb7ffc, started in a clone at a96bc7d, recorded
     * a96bc7d.
     */
    public static Manifest capture(String runName, long seed, int threads, String datasetFingerprint,
                                   String splitFingerprint, Instant start) {
        String[] commit = codeCommit();
        return new Manifest(runName, seed, Objects.requireNonNull(datasetFingerprint, "datasetFingerprint"),
                Objects.requireNonNull(splitFingerprint, "splitFingerprint"), Environment.libraryVersions(),
                Environment.jvm(), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"), Environment.cpuModel(), Runtime.getRuntime().availableProcessors(),
                threads, commit[0], Boolean.parseBoolean(commit[1]), start.toString(), null, Double.NaN,
                Numerics.capture(threads));
    }

    /** The build's commit and dirty flag, else the working directory's. */
    private static String[] codeCommit() {
        String[] built = Environment.buildCommit();
        if (built != null) {
            return built;
        }
        Path here = Path.of("").toAbsolutePath();
        return new String[] {Environment.gitCommit(here), Boolean.toString(Environment.gitDirty(here))};
    }

    /** Libraries in name order, for printing. */
    @Override
    public Map<String, String> libraries() {
        return new TreeMap<>(libraries);
    }

    /** A copy marked as ended at {@code end}. */
    public Manifest withEnd(Instant end) {
        double wall = Duration.between(Instant.parse(startTime), end).toNanos() / 1e9;
        return new Manifest(runName, seed, datasetFingerprint, splitFingerprint, libraries, jvm, os, arch, cpuModel,
                cores, threads, gitCommit, gitDirty, startTime, end.toString(), wall, numerics);
    }

    /** Fields that differ from {@code other}, by dotted path (e.g. {@code libraries.deeplearning4j}). */
    public List<FieldDifference> diff(Manifest other) {
        return RecordDiff.diff(this, other);
    }

    /**
     * Why bit-identical results are not promised between this run and {@code other}, after
     * {@code docs/determinism.md}: differing threads, oneDNN ISA, OpenBLAS kernels or native library versions, one
     * line each. Empty means the contract expects the two runs of one config, seed and data to agree in every bit.
     */
    public List<String> contractDifferences(Manifest other) {
        List<String> out = new ArrayList<>();
        if (numerics == null) {
            out.add("numerics of " + runName + " not recorded (manifest written before they were)");
        } else {
            out.addAll(numerics.contractDifferences(other.numerics));
        }
        for (String lib : List.of("nd4j-native", "nd4j", "deeplearning4j")) {
            if (!Objects.equals(libraries.get(lib), other.libraries.get(lib))) {
                out.add(lib + " " + libraries.get(lib) + " vs " + other.libraries.get(lib));
            }
        }
        return out;
    }

    /** Writes this manifest atomically. */
    public void write(Path file) throws IOException {
        Json.write(file, this);
    }

    /** Reads a manifest; errors name the file. */
    public static Manifest read(Path file) throws IOException {
        return Json.read(file, Manifest.class);
    }
}
