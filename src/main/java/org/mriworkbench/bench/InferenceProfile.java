package org.mriworkbench.bench;

import java.io.PrintStream;
import java.util.Locale;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.model.CnnPresets;
import org.mriworkbench.model.CnnSpec;
import org.mriworkbench.model.InferencePass;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Where an inference minibatch's CPU time goes: one real {@code net.output(x, false)} (or {@link InferencePass} with
 * {@code -Dmri.pass=true}) with every layer behind a timing proxy, so each layer's {@code activate} is timed on the
 * real path, workspaces and all; what the call spends beyond the layers (workspaces, preprocessors, detach) is its
 * own row. Why proxies and not a sampler: as in {@link StepProfile}, oneDNN runs on OpenMP threads whose stacks name
 * no layer. Also A/B comparisons ({@code -Dmri.compare=true}: {@code output} against {@link InferencePass};
 * {@code -Dmri.validation=true}: a flip-averaged validation pass three ways). Figures are process CPU time, so they
 * hold on a shared machine; its tick is 10 ms, so use many steps.
 */
public final class InferenceProfile {

    private InferenceProfile() {
    }

    /** Prints the profile of {@code preset} at {@code size} px, batch {@code batch}, averaged over {@code steps}. */
    public static void run(String preset, int size, int batch, int steps, PrintStream out) {
        CnnSpec spec = CnnPresets.byName(preset, size, 2, 42);
        MultiLayerNetwork net = spec.build(new Adam(1e-3), 0);
        INDArray x = TimedLoop.randomBatches(spec, batch, 1, 42).get(0).getFeatures();
        Layer[] layers = net.getLayers();
        double[] ns = new double[layers.length];
        double outputNs = 0;
        double profiledNs = 0;
        for (int s = 0; s < 3 + steps; s++) {
            boolean timed = s >= 3;
            long a = TimedLoop.cpuNanos();
            net.output(x, false);
            long b = TimedLoop.cpuNanos();
            double[] into = timed ? ns : new double[layers.length];
            Layer[] original = instrument(net, into);
            long c = TimedLoop.cpuNanos();
            if (Boolean.getBoolean("mri.pass")) {
                InferencePass.output(net, x);
            } else {
                net.output(x, false);
            }
            long d = TimedLoop.cpuNanos();
            restore(net, original);
            if (timed) {
                outputNs += b - a;
                profiledNs += d - c;
            }
        }
        double sum = 0;
        for (double v : ns) {
            sum += v;
        }
        out.printf(Locale.ROOT, "%s %dx%d, batch %d: output %.2f CPU ms/batch (%.2f instrumented), layers %.2f, load %.1f%n",
                preset, size, size, batch, outputNs / 1e6 / steps, profiledNs / 1e6 / steps, sum / 1e6 / steps, TimedLoop.loadAverage());
        for (int i = 0; i < layers.length; i++) {
            out.printf(Locale.ROOT, "  %-34s %8.2f ms %5.1f%%%n", layers[i].conf().getLayer().getLayerName() + " ("
                    + layers[i].getClass().getSimpleName() + ")", ns[i] / 1e6 / steps, 100 * ns[i] / outputNs);
        }
        out.printf(Locale.ROOT, "  %-34s %8.2f ms %5.1f%%%n", "output beyond layers", (profiledNs - sum) / 1e6 / steps,
                100 * (profiledNs - sum) / profiledNs);
    }

    /**
     * Swaps every layer of {@code net} for a proxy that adds the CPU time of its {@code activate} calls to
     * {@code ns[i]}, so that one real {@code output} call, workspaces and all, is split by layer. Returns the
     * original layers, for {@link #restore}.
     */
    private static Layer[] instrument(MultiLayerNetwork net, double[] ns) {
        Layer[] layers = net.getLayers();
        Layer[] original = layers.clone();
        System.arraycopy(LayerTimers.proxies(original, ns, null), 0, layers, 0, layers.length);
        return original;
    }

    private static void restore(MultiLayerNetwork net, Layer[] original) {
        System.arraycopy(original, 0, net.getLayers(), 0, original.length);
    }

    /**
     * A/B in one process: {@code net.output(x, false)} against {@link InferencePass#output}, alternating call by
     * call, with the largest absolute difference of their results.
     */
    public static void compare(String preset, int size, int batch, int steps, PrintStream out) {
        CnnSpec spec = CnnPresets.byName(preset, size, 2, 42);
        MultiLayerNetwork net = spec.build(new Adam(1e-3), 0);
        INDArray x = TimedLoop.randomBatches(spec, batch, 1, 42).get(0).getFeatures();
        double a = 0;
        double b = 0;
        double diff = 0;
        for (int s = 0; s < 3 + steps; s++) {
            long t0 = TimedLoop.cpuNanos();
            INDArray o1 = net.output(x, false);
            long t1 = TimedLoop.cpuNanos();
            INDArray o2 = InferencePass.output(net, x);
            long t2 = TimedLoop.cpuNanos();
            if (s >= 3) {
                a += t1 - t0;
                b += t2 - t1;
            }
            diff = Math.max(diff, o1.sub(o2).amaxNumber().doubleValue());
        }
        out.printf(Locale.ROOT, "%s %dx%d, batch %d: output %.2f CPU ms/batch, InferencePass %.2f (%.3fx), max |diff| %g,"
                + " load %.1f%n", preset, size, size, batch, a / 1e6 / steps, b / 1e6 / steps, b / a, diff,
                TimedLoop.loadAverage());
    }

    /**
     * A/B/C in one process of a flip-averaged validation pass ({@code NetworkEvaluator.predict} with test-time flip)
     * over {@code n} random images: DL4J's {@code output} twice per minibatch, {@link InferencePass} twice, and
     * {@link InferencePass} once on originals and mirror images together; prints CPU ms per pass and the largest
     * difference of the probabilities from the first variant's.
     */
    public static void compareValidation(String preset, int size, int batch, int n, int rounds, PrintStream out) {
        CnnSpec spec = CnnPresets.byName(preset, size, 2, 42);
        MultiLayerNetwork net = spec.build(new Adam(1e-3), 0);
        java.util.Random r = new java.util.Random(7);
        float[] px = new float[n * size * size];
        for (int i = 0; i < px.length; i++) {
            px[i] = r.nextFloat();
        }
        int[] labels = new int[n];
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            ids.add("img" + i);
        }
        org.mriworkbench.train.TensorDataset data = org.mriworkbench.train.TensorDataset.wrap(px, n, 1, size, size,
                labels, ids);
        String[][] props = {{"false", "false"}, {"true", "false"}, {"true", "true"}};
        double[] ns = new double[props.length];
        double[] diff = new double[props.length];
        for (int k = 0; k < rounds + 1; k++) {
            double[][] ref = null;
            for (int v = 0; v < props.length; v++) {
                System.setProperty(InferencePass.PROPERTY, props[v][0]);
                System.setProperty("mri.jointFlip", props[v][1]);
                long t = TimedLoop.cpuNanos();
                double[][] p = org.mriworkbench.train.NetworkEvaluator.predict(net, data, batch, true);
                if (k > 0) {
                    ns[v] += TimedLoop.cpuNanos() - t;
                }
                ref = ref == null ? p : ref;
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < p[i].length; c++) {
                        diff[v] = Math.max(diff[v], Math.abs(p[i][c] - ref[i][c]));
                    }
                }
            }
        }
        System.clearProperty(InferencePass.PROPERTY);
        System.clearProperty("mri.jointFlip");
        out.printf(Locale.ROOT, "%s %dx%d, %d images, batch %d, flip: output x2 %.1f CPU ms, InferencePass x2 %.1f"
                + " (%.3fx, diff %g), joint %.1f (%.3fx, diff %g), load %.1f%n", preset, size, size, n, batch,
                ns[0] / 1e6 / rounds, ns[1] / 1e6 / rounds, ns[1] / ns[0], diff[1], ns[2] / 1e6 / rounds,
                ns[2] / ns[0], diff[2], TimedLoop.loadAverage());
    }

    /** {@code [preset] [sizes] [batch] [steps]}, e.g. {@code classic 64,128 64 30}. */
    public static void main(String[] args) {
        ProfileArgs a = ProfileArgs.start(args, "64", 64, 30);
        System.out.println(TrainingBenchmark.environment());
        for (int size : a.sizes()) {
            if (Boolean.getBoolean("mri.validation")) {
                compareValidation(a.preset(), size, a.batch(), 1055, a.steps(), System.out);
            } else if (Boolean.getBoolean("mri.compare")) {
                compare(a.preset(), size, a.batch(), a.steps(), System.out);
            } else {
                run(a.preset(), size, a.batch(), a.steps(), System.out);
            }
        }
    }
}
