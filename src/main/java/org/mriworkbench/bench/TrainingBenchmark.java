package org.mriworkbench.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.model.CnnPresets;
import org.mriworkbench.model.CnnSpec;
import org.mriworkbench.model.OneDnnLayers;
import org.mriworkbench.train.NativeThreads;
import org.mriworkbench.train.PhysicalMemoryProbe;
import org.mriworkbench.train.TrainConfig;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Measures training throughput (forward + backward + Adam update) and inference throughput of a preset on random
 * inputs, for a grid of batch sizes and native thread counts. It is a tool, not a test: timings depend on the machine
 * and on whatever else runs on it, so the numbers are printed, never asserted. {@link TrainConfig#DEFAULT_BATCH_SIZE}
 * and {@link TrainConfig#DEFAULT_THREADS} were chosen from its output.
 *
 * <p>Each line gives wall-clock images per second and also images per CPU-second of this process (all its threads),
 * because on a shared machine wall time mostly measures the neighbours: CPU time is what the work itself costs, and
 * the ratio of the two ({@code cpu/wall}) shows how much of the machine the run actually got. The header and every
 * line carry the 1-minute load average, and the header says whether the settings that matter are in effect: oneDNN
 * layers ({@link OneDnnLayers}), {@code OMP_WAIT_POLICY} (spinning OpenMP threads double the CPU cost and halve the
 * speed when the cores are shared) and {@code GLIBC_TUNABLES}.
 *
 * <p>Run: {@code environment/workbench} sets the environment; by hand,
 * {@code OMP_WAIT_POLICY=passive GLIBC_TUNABLES=glibc.malloc.hugetlb=1 java -cp <classpath>
 * org.mriworkbench.bench.TrainingBenchmark [presets] [size] [threads]}, e.g. {@code classic,wide 128 1,2}.
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {
    }

    /**
     * One measured setting.
     *
     * @param fitImagesPerSecond     training images per wall-clock second
     * @param fitCpuSecondsPerBatch  process CPU seconds per training minibatch
     * @param predictImagesPerSecond inference ({@code output(x, false)} via {@code InferencePass}) images per wall-clock second
     * @param predictCpuSecondsPerBatch process CPU seconds per inference minibatch
     * @param loadAverage            1-minute load average when the setting finished, or NaN where unknown
     */
    public record Result(String preset, int inputSize, int batchSize, int threads, double fitImagesPerSecond,
                         double fitCpuSecondsPerBatch, double predictImagesPerSecond,
                         double predictCpuSecondsPerBatch, double loadAverage) {

        /** Training images per CPU-second: the machine-load-independent figure. */
        public double fitImagesPerCpuSecond() {
            return batchSize / fitCpuSecondsPerBatch;
        }

        /** Inference images per CPU-second. */
        public double predictImagesPerCpuSecond() {
            return batchSize / predictCpuSecondsPerBatch;
        }
    }

    /**
     * Trains {@code preset} at {@code inputSize} for {@code warmup} untimed and {@code timed} timed minibatches per
     * setting, then times as many inference minibatches, and prints one line per setting to {@code out}.
     */
    public static List<Result> run(String preset, int inputSize, int[] batchSizes, int[] threadCounts, int warmup,
                                   int timed, long seed, PrintStream out) {
        CnnSpec spec = CnnPresets.byName(preset, inputSize, 2, seed);
        out.printf(Locale.ROOT, "%s %dx%d: %,d params, %.3f GFLOP forward/image%n", preset, inputSize, inputSize,
                spec.parameterCount(), spec.forwardFlopsPerImage() / 1e9);
        List<Result> results = new ArrayList<>();
        for (int threads : threadCounts) {
            NativeThreads.apply(threads);
            for (int bs : batchSizes) {
                MultiLayerNetwork net = spec.build(new Adam(1e-3), 0);
                List<DataSet> batch = TimedLoop.randomBatches(spec, bs, 1, seed);
                TimedLoop.Timing fit = TimedLoop.fit(net, batch, warmup, timed);
                TimedLoop.Timing predict = TimedLoop.predict(net, List.of(batch.get(0).getFeatures()), warmup, timed);
                double fitWall = fit.wallSecondsPerCall();
                double fitCpu = fit.cpuSecondsPerCall();
                double predWall = predict.wallSecondsPerCall();
                double predCpu = predict.cpuSecondsPerCall();
                Result r = new Result(preset, inputSize, bs, threads, bs / fitWall, fitCpu, bs / predWall, predCpu,
                        TimedLoop.loadAverage());
                results.add(r);
                out.printf(Locale.ROOT, "  threads=%d batch=%3d  fit %6.1f img/s %6.1f img/cpu-s (cpu/wall %.2f)"
                                + "  predict %6.1f img/s %6.1f img/cpu-s (cpu/wall %.2f)  load %.1f%n", threads, bs,
                        r.fitImagesPerSecond(), r.fitImagesPerCpuSecond(), fitCpu / fitWall,
                        r.predictImagesPerSecond(), r.predictImagesPerCpuSecond(), predCpu / predWall,
                        r.loadAverage());
            }
        }
        return List.copyOf(results);
    }

    /** One line describing the machine and the settings that decide the speed, for the top of a report. */
    public static String environment() {
        return String.format(Locale.ROOT, "%d cores, load %.2f; oneDNN layers %s; OMP_WAIT_POLICY=%s;"
                        + " GLIBC_TUNABLES=%s; OPENBLAS_THREAD_TIMEOUT=%s; JavaCPP maxPhysicalBytes=%d; Java %s",
                Runtime.getRuntime().availableProcessors(), TimedLoop.loadAverage(),
                OneDnnLayers.active() ? "on" : "OFF", envOrUnset("OMP_WAIT_POLICY"), envOrUnset("GLIBC_TUNABLES"),
                envOrUnset("OPENBLAS_THREAD_TIMEOUT"), PhysicalMemoryProbe.limitInEffect(), Runtime.version());
    }

    private static String envOrUnset(String name) {
        String v = System.getenv(name);
        return v == null ? "(unset)" : v;
    }

    /**
     * Benchmarks every preset at 128x128 with batch 32 and 1 and 2 threads (or the comma-separated presets, size and
     * thread counts given), 2 warm-up and 5 timed minibatches each.
     */
    public static void main(String[] args) {
        PhysicalMemoryProbe.switchOffUnlessSet();
        List<String> presets = args.length > 0 ? Arrays.asList(args[0].split(",")) : CnnPresets.names();
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int[] threads = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 2};
        // Build one network first so that the header reports whether oneDNN layers are really in use.
        CnnPresets.byName(presets.get(0), size, 2, 42).build();
        System.out.println(environment());
        for (String preset : presets) {
            run(preset, size, new int[] {TrainConfig.DEFAULT_BATCH_SIZE}, threads, 2, 5, 42, System.out);
        }
    }
}
