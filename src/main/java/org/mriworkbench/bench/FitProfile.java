package org.mriworkbench.bench;

import java.io.PrintStream;
import java.util.Locale;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.model.CnnPresets;
import org.mriworkbench.model.CnnSpec;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Where a real training step's CPU time goes: one {@code net.fit(batch)} with every layer behind a timing proxy, so
 * each layer's {@code activate} and {@code backpropGradient} are timed on the path training takes, with DL4J's
 * workspaces, rather than in {@link StepProfile}'s walk without them (whose fresh allocations inflate the large
 * layers). What {@code fit} spends beyond the layers (updater, score, workspaces) is its own row, and plain
 * {@code fit} is timed in alternation to show what the proxies cost. Process CPU time, as everywhere in this package;
 * its tick is 10 ms, so use many steps.
 */
public final class FitProfile {

    private FitProfile() {
    }

    /** Prints the in-fit profile of {@code preset} at {@code size} px, batch {@code batch}, over {@code steps}. */
    public static void run(String preset, int size, int batch, int steps, PrintStream out) {
        CnnSpec spec = CnnPresets.byName(preset, size, 2, 42);
        MultiLayerNetwork net = spec.build(new Adam(1e-3), 0);
        DataSet ds = TimedLoop.randomBatches(spec, batch, 1, 42).get(0);
        Layer[] layers = net.getLayers();
        double[] fwd = new double[layers.length];
        double[] bwd = new double[layers.length];
        double plainNs = 0;
        double profiledNs = 0;
        Layer[] original = layers.clone();
        Layer[] proxies = LayerTimers.proxies(original, fwd, bwd);
        for (int s = 0; s < 3 + steps; s++) {
            boolean timed = s >= 3;
            long a = TimedLoop.cpuNanos();
            net.fit(ds);
            long b = TimedLoop.cpuNanos();
            System.arraycopy(proxies, 0, net.getLayers(), 0, layers.length);
            double[] f0 = fwd.clone();
            double[] b0 = bwd.clone();
            long c = TimedLoop.cpuNanos();
            net.fit(ds);
            long d = TimedLoop.cpuNanos();
            System.arraycopy(original, 0, net.getLayers(), 0, layers.length);
            if (timed) {
                plainNs += b - a;
                profiledNs += d - c;
            } else {
                System.arraycopy(f0, 0, fwd, 0, fwd.length);
                System.arraycopy(b0, 0, bwd, 0, bwd.length);
            }
        }
        double sum = 0;
        for (int i = 0; i < layers.length; i++) {
            sum += fwd[i] + bwd[i];
        }
        out.printf(Locale.ROOT, "%s %dx%d, batch %d: fit %.1f CPU ms/step (%.1f instrumented), layers %.1f, load %.1f%n",
                preset, size, size, batch, plainNs / 1e6 / steps, profiledNs / 1e6 / steps, sum / 1e6 / steps,
                TimedLoop.loadAverage());
        out.printf(Locale.ROOT, "  %-34s %8s %8s %6s%n", "layer", "fwd ms", "bwd ms", "share");
        for (int i = 0; i < layers.length; i++) {
            out.printf(Locale.ROOT, "  %-34s %8.2f %8.2f %5.1f%%%n", layers[i].conf().getLayer().getLayerName() + " ("
                    + layers[i].getClass().getSimpleName() + ")", fwd[i] / 1e6 / steps, bwd[i] / 1e6 / steps,
                    100 * (fwd[i] + bwd[i]) / profiledNs);
        }
        out.printf(Locale.ROOT, "  %-34s %17.2f %5.1f%%%n", "fit beyond layers", (profiledNs - sum) / 1e6 / steps,
                100 * (profiledNs - sum) / profiledNs);
    }

    /** {@code [preset] [sizes] [batch] [steps]}, e.g. {@code classic 64,128 32 60}. */
    public static void main(String[] args) {
        ProfileArgs a = ProfileArgs.start(args, "64", 32, 60);
        for (int size : a.sizes()) {
            run(a.preset(), size, a.batch(), a.steps(), System.out);
        }
    }
}
