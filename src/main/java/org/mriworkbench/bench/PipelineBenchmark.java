package org.mriworkbench.bench;

import org.mriworkbench.data.DatasetIndex;
import org.mriworkbench.data.DatasetScanner;
import org.mriworkbench.core.ProgressListener;
import org.mriworkbench.preprocess.PreprocessedSet;
import org.mriworkbench.preprocess.Preprocessing;
import org.mriworkbench.preprocess.TensorCache;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures the data pipeline end to end on a real folder: (a) a scan, (b) a cold preprocess into a fresh tensor
 * cache, (c) a load from that cache. It exists so that performance claims ("cached load well under a second") are
 * checked on the user's own machine and data, not asserted in a timed unit test that would flake on a busy CI box.
 *
 * <p>"Cold" means nothing is cached by the workbench; the operating system's file cache may still hold the JPEGs
 * from earlier runs, and the benchmark cannot (and does not try to) drop it. Peak RSS is read from
 * {@code VmHWM} in {@code /proc/self/status} (Linux only, -1 elsewhere); it is the process-wide high-water mark, so
 * it never goes down and each phase's value includes everything before it. The current RSS ({@code VmRSS}) is
 * printed next to it for that reason.
 */
public final class PipelineBenchmark {

    /**
     * One measured phase. Memory figures are in bytes, -1 where /proc is unavailable. {@code cpuSeconds} is the CPU
     * time of the whole process (all threads, GC and JIT included) during the phase.
     */
    public record Phase(String name, int images, double seconds, double cpuSeconds, long peakRssBytes,
                        long rssBytes) {

        /** Wall-clock throughput: what the user saw, on a machine possibly shared with others. */
        public double imagesPerSecond() {
            return images / seconds;
        }

        /** Throughput per CPU-second: what one dedicated core would do, insensitive to other load. */
        public double imagesPerCpuSecond() {
            return images / cpuSeconds;
        }
    }

    /** All phases plus the setting they ran under. */
    public record Result(Path dataRoot, int size, int cores, String preprocessing, List<Phase> phases) {

        public Phase phase(String name) {
            return phases.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        }
    }

    private PipelineBenchmark() {
    }

    /**
     * Runs the three phases with {@link Preprocessing#standard(int)} at {@code size}, printing a line per phase to
     * {@code out}. The cache goes to a temporary folder that is deleted afterwards.
     */
    public static Result run(Path dataRoot, int size, PrintStream out) {
        Path cacheDir;
        try {
            cacheDir = Files.createTempDirectory("mri-bench-cache");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return run(dataRoot, size, out, cacheDir);
        } finally {
            deleteTree(cacheDir);
        }
    }

    private static Result run(Path dataRoot, int size, PrintStream out, Path cacheDir) {
        int cores = Runtime.getRuntime().availableProcessors();
        Preprocessing pre = Preprocessing.standard(size);
        out.printf(Locale.ROOT, "benchmark: %s, %d cores, %s%n", dataRoot, cores, pre.describe());
        out.printf(Locale.ROOT, "%-18s %7s %8s %9s %8s %11s %13s %12s%n", "phase", "images", "seconds", "images/s",
                "cpu s", "img/cpu-s", "peak RSS MiB", "RSS now MiB");
        List<Phase> phases = new ArrayList<>();

        long t0 = System.nanoTime();
        long c0 = TimedLoop.cpuNanos();
        DatasetIndex index = DatasetScanner.create().scan(dataRoot);
        phases.add(print(out, "scan (cold)", index.size(), t0, c0, 0));

        TensorCache cache = TensorCache.create();
        try {
            Files.deleteIfExists(TensorCache.cacheFile(index, pre, cacheDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        t0 = System.nanoTime();
        c0 = TimedLoop.cpuNanos();
        PreprocessedSet cold = cache.load(index, pre, cacheDir, ProgressListener.NONE);
        phases.add(print(out, "preprocess (cold)", cold.n(), t0, c0, peak(phases)));
        expect(cold, PreprocessedSet.Status.MISS);
        cold = null; // let the first copy go before the cached load allocates its own
        System.gc();

        t0 = System.nanoTime();
        c0 = TimedLoop.cpuNanos();
        PreprocessedSet hit = cache.load(index, pre, cacheDir, ProgressListener.NONE);
        phases.add(print(out, "load (cached)", hit.n(), t0, c0, peak(phases)));
        expect(hit, PreprocessedSet.Status.HIT);
        out.println("peak RSS is process-wide and never decreases: each phase's figure includes the phases before it "
                + "(and the JVM's heap, which does not shrink after GC); a cached load maps the file, so its pages "
                + "count towards RSS while mapped. img/cpu-s is throughput per CPU-second of the whole process; "
                + "on a shared machine it shows what the code does, images/s what this run got.");
        return new Result(dataRoot, size, cores, pre.describe(), List.copyOf(phases));
    }

    private static long peak(List<Phase> phases) {
        return phases.stream().mapToLong(Phase::peakRssBytes).max().orElse(0);
    }

    private static void expect(PreprocessedSet set, PreprocessedSet.Status status) {
        if (set.status() != status) {
            throw new IllegalStateException("expected cache " + status + " but got " + set.status());
        }
    }

    private static Phase print(PrintStream out, String name, int images, long t0, long c0, long peakSoFar) {
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (TimedLoop.cpuNanos() - c0) / 1e9;
        // Linux keeps RSS counters per thread and folds them in lazily, so two readings of VmHWM can go down by a
        // few pages; the peak reported is the highest reading so far, which is what "peak" means.
        long hwm = procStatusBytes("VmHWM:");
        Phase p = new Phase(name, images, s, cpu, hwm < 0 ? hwm : Math.max(hwm, peakSoFar), procStatusBytes("VmRSS:"));
        out.printf(Locale.ROOT, "%-18s %7d %8.3f %9.0f %8.2f %11.0f %13s %12s%n", name, images, s,
                p.imagesPerSecond(), cpu, p.imagesPerCpuSecond(), mib(p.peakRssBytes()), mib(p.rssBytes()));
        return p;
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", bytes / 1048576.0);
    }

    /** A "kB" line of /proc/self/status in bytes (e.g. {@code "VmHWM:"}, the peak RSS), or -1 when unavailable. */
    public static long procStatusBytes(String key) {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> Long.parseLong(l.substring(key.length()).replace("kB", "").trim()) * 1024)
                    .orElse(-1L);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.getLogger(PipelineBenchmark.class.getName()).log(System.Logger.Level.WARNING,
                    "could not delete benchmark cache " + dir + ": " + e);
        }
    }
}
