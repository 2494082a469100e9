package org.mriworkbench.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.model.CnnSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one DL4J timing loop of the benchmarks: untimed warm-up calls, then timed calls measured in wall-clock and in
 * process CPU time together, over preloaded random minibatches. {@link TrainingBenchmark}, {@link PyTorchComparison}
 * and {@link StepProfile} all time {@code fit} and {@code output} through it, so their figures are comparable: the
 * same warm-up rule, the same clocks, the same inputs for the same seed.
 */
final class TimedLoop {

    private TimedLoop() {
    }

    /**
     * What the timed calls took.
     *
     * @param calls       timed calls
     * @param images      images processed by the timed calls
     * @param wallSeconds wall-clock seconds of the timed calls
     * @param cpuSeconds  CPU seconds of this process (all threads) during the timed calls; negative where the JVM
     *                    cannot report process CPU time
     */
    record Timing(int calls, long images, double wallSeconds, double cpuSeconds) {

        double imagesPerSecond() {
            return images / wallSeconds;
        }

        double wallSecondsPerCall() {
            return wallSeconds / calls;
        }

        double cpuSecondsPerCall() {
            return cpuSeconds / calls;
        }
    }

    /** {@code net.fit} on {@code batches} in turn: {@code warmup} untimed calls, then {@code calls} timed ones. */
    static Timing fit(MultiLayerNetwork net, List<DataSet> batches, int warmup, int calls) {
        return time(warmup, calls, i -> {
            DataSet b = batches.get(i % batches.size());
            net.fit(b);
            return b.numExamples();
        });
    }

    /**
     * Inference on {@code batches} in turn, warm-up untimed as in {@link #fit}, through
     * {@link org.mriworkbench.model.InferencePass} (the path the application's {@code NetworkEvaluator} takes, bit for
     * bit {@code net.output(x, false)}); {@code -Dmri.inferencePass=false} times DL4J's {@code output} itself.
     */
    static Timing predict(MultiLayerNetwork net, List<INDArray> batches, int warmup, int calls) {
        return time(warmup, calls, i -> {
            INDArray x = batches.get(i % batches.size());
            org.mriworkbench.model.InferencePass.output(net, x);
            return x.size(0);
        });
    }

    private static Timing time(int warmup, int calls, IntToLongFunction call) {
        if (warmup < 0 || calls < 1) {
            throw new IllegalArgumentException("warm-up must be >= 0 and timed calls >= 1, got " + warmup + " and "
                    + calls);
        }
        for (int i = 0; i < warmup; i++) {
            call.applyAsLong(i);
        }
        long images = 0;
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            images += call.applyAsLong(i);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        long c1 = cpuNanos();
        return new Timing(calls, images, wall, c0 < 0 || c1 < 0 ? -1 : (c1 - c0) / 1e9);
    }

    /**
     * {@code count} minibatches of {@code batchSize} uniform random images of {@code spec}'s input shape, labels
     * cycling through the classes, drawn after seeding ND4J's generator with {@code seed}.
     */
    static List<DataSet> randomBatches(CnnSpec spec, int batchSize, int count, long seed) {
        Nd4j.getRandom().setSeed(seed);
        List<DataSet> list = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            INDArray x = Nd4j.rand(DataType.FLOAT, batchSize, spec.channels(), spec.inputHeight(), spec.inputWidth());
            INDArray y = Nd4j.zeros(DataType.FLOAT, batchSize, spec.numClasses());
            for (int i = 0; i < batchSize; i++) {
                y.putScalar(i, (b * batchSize + i) % spec.numClasses(), 1f);
            }
            list.add(new DataSet(x, y));
        }
        return list;
    }

    /** CPU nanoseconds used by this process so far (all threads, native ones included), or -1 where unknown. */
    static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** The 1-minute load average, or NaN where unknown. */
    static double loadAverage() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? Double.NaN : l;
    }
}
