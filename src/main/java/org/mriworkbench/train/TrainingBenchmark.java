package org.mriworkbench.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.model.CnnPresets;
import org.mriworkbench.model.CnnSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Measures training throughput (forward + backward + Adam update, images per second) of a preset on random inputs,
 * for a grid of batch sizes and native thread counts. It is a tool, not a test: timings depend on the machine and on
 * whatever else runs on it, so the numbers are printed, never asserted. {@link TrainConfig#DEFAULT_BATCH_SIZE} and
 * {@link TrainConfig#DEFAULT_THREADS} were chosen from its output.
 *
 * <p>Run: {@code java -cp <classpath> org.mriworkbench.train.TrainingBenchmark [preset] [size]}.
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {
    }

    /** One measured setting. */
    public record Result(String preset, int inputSize, int batchSize, int threads, double imagesPerSecond,
                         double secondsPerBatch) {
    }

    /**
     * Trains {@code preset} at {@code inputSize} for {@code warmup} untimed and {@code timed} timed minibatches per
     * setting and prints one line per setting to {@code out}.
     */
    public static List<Result> run(String preset, int inputSize, int[] batchSizes, int[] threadCounts, int warmup,
                                   int timed, long seed, PrintStream out) {
        CnnSpec spec = CnnPresets.byName(preset, inputSize, 2, seed);
        out.printf(Locale.ROOT, "%s %dx%d: %,d params, %.2f GFLOP forward/image; %d cores, load %s%n", preset,
                inputSize, inputSize, spec.parameterCount(), spec.forwardFlopsPerImage() / 1e9,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        List<Result> results = new ArrayList<>();
        for (int threads : threadCounts) {
            NativeThreads.apply(threads);
            for (int bs : batchSizes) {
                MultiLayerNetwork net = spec.build(new Adam(1e-3), 0);
                Nd4j.getRandom().setSeed(seed);
                INDArray x = Nd4j.rand(DataType.FLOAT, bs, 1, inputSize, inputSize);
                INDArray y = Nd4j.zeros(DataType.FLOAT, bs, 2);
                for (int i = 0; i < bs; i++) {
                    y.putScalar(i, i % 2, 1f);
                }
                DataSet ds = new DataSet(x, y);
                for (int i = 0; i < warmup; i++) {
                    net.fit(ds);
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < timed; i++) {
                    net.fit(ds);
                }
                double s = (System.nanoTime() - t0) / 1e9 / timed;
                Result r = new Result(preset, inputSize, bs, threads, bs / s, s);
                results.add(r);
                out.printf(Locale.ROOT, "threads=%d batch=%3d  %7.1f images/s  (%.3f s/batch)%n", threads, bs,
                        r.imagesPerSecond(), s);
            }
        }
        return List.copyOf(results);
    }

    private static String loadAverage() {
        double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", l);
    }

    /** Benchmarks {@code classic} at 128x128 (or the preset and size given) for batch 16/32/64 and 1/2 threads. */
    public static void main(String[] args) {
        String preset = args.length > 0 ? args[0] : "classic";
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        run(preset, size, new int[] {16, 32, 64}, new int[] {1, 2}, 2, 5, 42, System.out);
    }
}
