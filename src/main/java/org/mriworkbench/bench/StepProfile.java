package org.mriworkbench.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.mriworkbench.model.CnnPresets;
import org.mriworkbench.model.CnnSpec;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Where a training step's CPU time goes: per layer forward and backward, the updater, and what {@code fit} spends
 * beyond those (workspaces, allocation, bookkeeping), plus the cost of building one minibatch from preloaded images.
 *
 * <p>Why CPU time and not wall time: the machine is shared, and process CPU time ({@code CLOCK_PROCESS_CPUTIME_ID},
 * all threads, native OpenMP workers included) is what the work itself costs. Why a layer walk and not a sampling
 * profiler: oneDNN runs on OpenMP worker threads whose stacks name no Java layer, so a sampler cannot say which
 * layer a kernel belongs to. The walk calls each layer's own {@code activate} and {@code backpropGradient} in the
 * order {@code MultiLayerNetwork} does, without workspaces; the real step ({@code fit}) is timed beside it, and the
 * difference is reported as its own row rather than hidden.
 */
public final class StepProfile {

    private StepProfile() {
    }

    /** CPU milliseconds per step of one row of the profile. */
    public record Row(String name, double forwardMs, double backwardMs) {
        public double totalMs() {
            return forwardMs + backwardMs;
        }
    }

    /**
     * The profile of one setting.
     *
     * @param fitMs     CPU ms of one real {@code net.fit(batch)}
     * @param gradMs    CPU ms of {@code computeGradientAndScore} (forward + backward with DL4J's workspaces)
     * @param updaterMs CPU ms of the updater (Adam) applied to the flattened gradient
     * @param batchMs   CPU ms to build one minibatch from preloaded images (no augmentation)
     * @param layers    per-layer forward and backward CPU ms of the layer walk
     */
    public record Profile(String preset, int size, int batch, double fitMs, double gradMs, double updaterMs,
                          double batchMs, List<Row> layers) {
        public Profile {
            layers = List.copyOf(layers);
        }

        public double layerSumMs() {
            return layers.stream().mapToDouble(Row::totalMs).sum();
        }
    }

    /** Profiles {@code preset} at {@code size} px, batch {@code batch}, averaging {@code steps} steps after warm-up. */
    public static Profile run(String preset, int size, int batch, int warmup, int steps, long seed) {
        CnnSpec spec = CnnPresets.byName(preset, size, 2, seed);
        MultiLayerNetwork net = spec.build(new Adam(1e-3), 0);
        DataSet ds = TimedLoop.randomBatches(spec, batch, 1, seed).get(0);
        INDArray x = ds.getFeatures();
        INDArray y = ds.getLabels();
        double fitMs = TimedLoop.fit(net, List.of(ds), warmup, steps).cpuSecondsPerCall() * 1e3;

        double gradNs = 0;
        double updNs = 0;
        for (int i = 0; i < steps; i++) {
            net.setInput(x);
            net.setLabels(y);
            long a = TimedLoop.cpuNanos();
            net.computeGradientAndScore();
            long b = TimedLoop.cpuNanos();
            Gradient g = net.gradient();
            net.getUpdater().update(net, g, i, 0, batch, LayerWorkspaceMgr.noWorkspaces());
            net.params().subi(net.getFlattenedGradients().reshape(net.params().shape())); // the step fit applies after the updater
            long c = TimedLoop.cpuNanos();
            gradNs += b - a;
            updNs += c - b;
        }

        Layer[] layers = net.getLayers();
        double[] fwd = new double[layers.length];
        double[] bwd = new double[layers.length];
        for (int s = 0; s < warmup + steps; s++) {
            boolean timed = s >= warmup;
            walk(net, x, y, timed ? fwd : new double[layers.length], timed ? bwd : new double[layers.length]);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            String name = layers[i].conf().getLayer().getLayerName();
            rows.add(new Row(name + " (" + layers[i].getClass().getSimpleName() + ")", fwd[i] / 1e6 / steps,
                    bwd[i] / 1e6 / steps));
        }
        return new Profile(preset, size, batch, fitMs, gradNs / 1e6 / steps, updNs / 1e6 / steps,
                batchCostMs(spec, batch, steps), rows);
    }

    /** Forward then backward through every layer, adding each layer's CPU nanoseconds to {@code fwd} and {@code bwd}. */
    private static void walk(MultiLayerNetwork net, INDArray x, INDArray y, double[] fwd, double[] bwd) {
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        Layer[] layers = net.getLayers();
        INDArray a = x;
        for (int i = 0; i < layers.length; i++) {
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            long t = TimedLoop.cpuNanos();
            if (pre != null) {
                a = pre.preProcess(a, (int) x.size(0), mgr);
            }
            if (layers[i] instanceof IOutputLayer out) {
                out.setLabels(y);
            }
            a = layers[i].activate(a, true, mgr);
            fwd[i] += TimedLoop.cpuNanos() - t;
        }
        calcBackpropGradients(net, x.size(0), bwd, mgr);
    }

    /**
     * The backward half of {@link #walk}. Named as DL4J's own training method is, because
     * {@code model.InputConvHelper} skips the image gradient only when called from a method of that name: the profile
     * must see the step training really runs.
     */
    private static void calcBackpropGradients(MultiLayerNetwork net, long n, double[] bwd, LayerWorkspaceMgr mgr) {
        Layer[] layers = net.getLayers();
        INDArray eps = null;
        for (int i = layers.length - 1; i >= 0; i--) {
            long t = TimedLoop.cpuNanos();
            Pair<Gradient, INDArray> p = layers[i].backpropGradient(eps, mgr);
            eps = p.getSecond();
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre != null) {
                eps = pre.backprop(eps, (int) n, mgr);
            }
            bwd[i] += TimedLoop.cpuNanos() - t;
        }
    }

    /** CPU ms to build one minibatch of {@code batch} images from a preloaded data set, as the training loop does. */
    private static double batchCostMs(CnnSpec spec, int batch, int steps) {
        int pixels = spec.channels() * spec.inputHeight() * spec.inputWidth();
        float[] all = new float[batch * 4 * pixels];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < all.length; i++) {
            all[i] = r.nextFloat();
        }
        long t = TimedLoop.cpuNanos();
        for (int s = 0; s < steps; s++) {
            float[] xb = new float[batch * pixels];
            int off = (s % 4) * batch * pixels;
            System.arraycopy(all, off, xb, 0, xb.length);
            float[] yb = new float[batch * spec.numClasses()];
            INDArray f = Nd4j.create(xb, new long[] {batch, spec.channels(), spec.inputHeight(), spec.inputWidth()},
                    DataType.FLOAT);
            INDArray l = Nd4j.create(yb, new long[] {batch, spec.numClasses()}, DataType.FLOAT);
            new DataSet(f, l);
        }
        return (TimedLoop.cpuNanos() - t) / 1e6 / steps;
    }

    /** Prints {@code p} as a table of CPU ms per step and shares of one real {@code fit}. */
    public static void print(Profile p, PrintStream out) {
        out.printf(Locale.ROOT, "%s %dx%d, batch %d: fit %.1f CPU ms/step (computeGradientAndScore %.1f, updater"
                + " %.1f), layer walk sum %.1f%n", p.preset(), p.size(), p.size(), p.batch(), p.fitMs(), p.gradMs(),
                p.updaterMs(), p.layerSumMs());
        out.printf(Locale.ROOT, "  %-34s %9s %9s %7s%n", "part", "fwd ms", "bwd ms", "share");
        Map<String, double[]> extra = new LinkedHashMap<>();
        for (Row r : p.layers()) {
            out.printf(Locale.ROOT, "  %-34s %9.1f %9.1f %6.1f%%%n", r.name(), r.forwardMs(), r.backwardMs(),
                    100 * r.totalMs() / p.fitMs());
        }
        extra.put("updater (Adam, flattened)", new double[] {p.updaterMs()});
        extra.put("fit beyond layers+updater", new double[] {p.fitMs() - p.layerSumMs() - p.updaterMs()});
        extra.put("minibatch build (not in fit)", new double[] {p.batchMs()});
        for (Map.Entry<String, double[]> e : extra.entrySet()) {
            out.printf(Locale.ROOT, "  %-34s %19.1f %6.1f%%%n", e.getKey(), e.getValue()[0],
                    100 * e.getValue()[0] / p.fitMs());
        }
    }

    /** {@code [preset] [sizes] [batch] [steps]}, e.g. {@code classic 128,64 32 10}. */
    public static void main(String[] args) {
        ProfileArgs a = ProfileArgs.start(args, "128,64", 32, 10);
        System.out.println(TrainingBenchmark.environment());
        for (int size : a.sizes()) {
            print(run(a.preset(), size, a.batch(), 3, a.steps(), 42), System.out);
        }
    }
}
