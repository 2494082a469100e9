package org.mriworkbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-layer parameter and FLOP counts derived from a spec, and the text summary built from them. Kept apart from
 * the DL4J code so that counting never needs the native backend.
 */
final class CnnCosts {

    private CnnCosts() {
    }

    /**
     * The layers of a network with these shape-determining fields of a {@link CnnSpec} (which passes them in, so that
     * this class does not depend back on the spec); {@code globalPool} is whether the head pools globally instead of
     * flattening.
     */
    static List<LayerCost> layers(int channels, int inputHeight, int inputWidth, List<Integer> blockFilters,
                                  boolean batchNorm, boolean globalPool, int denseWidth, int numClasses) {
        List<LayerCost> out = new ArrayList<>();
        long h = inputHeight;
        long w = inputWidth;
        long c = channels;
        int k = 1;
        for (int f : blockFilters) {
            long weights = 9L * c * f;
            long bias = batchNorm ? 0 : f;
            out.add(new LayerCost("conv" + k, shape(f, h, w), weights + bias, weights + bias, 2 * h * w * weights));
            if (batchNorm) {
                out.add(new LayerCost("bn" + k, shape(f, h, w), 4L * f, 2L * f, 0));
                out.add(new LayerCost("relu" + k, shape(f, h, w), 0, 0, 0));
            }
            h /= 2;
            w /= 2;
            c = f;
            out.add(new LayerCost("pool" + k, shape(f, h, w), 0, 0, 0));
            k++;
        }
        long flat = h * w * c;
        if (globalPool) {
            out.add(new LayerCost("global", Long.toString(c), 0, 0, 0));
            flat = c;
        }
        long dense = denseWidth;
        out.add(new LayerCost("dense", Long.toString(dense), flat * dense + dense, flat * dense + dense,
                2 * flat * dense));
        long classes = numClasses;
        out.add(new LayerCost("output", Long.toString(classes), dense * classes + classes, dense * classes + classes,
                2 * dense * classes));
        return List.copyOf(out);
    }

    /** The table of {@code layers} under an input row of {@code channels x inputHeight x inputWidth}. */
    static String summary(List<LayerCost> layers, int channels, int inputHeight, int inputWidth) {
        StringBuilder sb = new StringBuilder();
        String row = "%-8s %-14s %,13d %,16d%n";
        sb.append(String.format(Locale.ROOT, "%-8s %-14s %13s %16s%n", "Layer", "Output shape", "Params", "FLOPs"));
        sb.append(String.format(Locale.ROOT, "%-8s %-14s %13d %16d%n", "input",
                shape(channels, inputHeight, inputWidth), 0, 0));
        long params = 0;
        long trainable = 0;
        long flops = 0;
        for (LayerCost l : layers) {
            sb.append(String.format(Locale.ROOT, row, l.layer(), l.outputShape(), l.params(), l.flops()));
            params += l.params();
            trainable += l.trainableParams();
            flops += l.flops();
        }
        sb.append(String.format(Locale.ROOT, row, "total", "", params, flops));
        sb.append(String.format(Locale.ROOT, "Trainable params: %,d (batch-norm running statistics excluded)%n",
                trainable));
        sb.append("FLOPs: forward, per image, 2 x multiply-adds of conv and dense layers;"
                + " bias, batch norm, activations and pooling not counted.").append(System.lineSeparator());
        return sb.toString();
    }

    private static String shape(long c, long h, long w) {
        return c + "x" + h + "x" + w;
    }
}
