package org.mriworkbench.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.core.FloatImage;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Occlusion sensitivity: Zeiler &amp; Fergus, "Visualizing and Understanding Convolutional Networks", ECCV 2014
 * (arXiv:1311.2901).
 *
 * <p>A square patch slides over the image with a given stride; at each position the patch is filled (with the
 * image mean or with zero) and the drop in the target class's softmax probability, {@code p(original) -
 * p(occluded)}, is recorded. Each pixel's value is the mean drop over all patch positions that covered it,
 * clipped at zero: only evidence <em>for</em> the class is shown, as with Grad-CAM. Unlike the gradient methods the
 * values keep their unit, a probability, so 0.6 means "hiding this region costs the class 0.6 of probability"; the
 * map is not rescaled.
 *
 * <p>It needs no gradients and treats the network as a black box, so it is the natural cross-check for the
 * gradient methods, at the price of one forward pass per patch position. The patch should be about the size of
 * the structures of interest: much smaller and no single patch hides enough to matter, much larger and the map
 * blurs. Patch positions always include the last row and column, so every pixel is covered.
 *
 * <p>Fill: the image mean is the usual choice for natural images; zero imitates "no tissue", which on MRI (black
 * background) can itself look like a lesion-free region or like a dark lesion, so compare both when in doubt.
 */
public final class OcclusionSensitivity implements Explainer {

    /** Method name recorded in every {@link SaliencyMap} this class makes. */
    public static final String METHOD = "occlusion";

    /** What an occluded patch is filled with. */
    public enum Fill {
        /** The mean of the image being explained, per channel. */
        IMAGE_MEAN,
        /** Zero, i.e. black. */
        ZERO
    }

    private final MultiLayerNetwork net;
    private final int patch;
    private final int stride;
    private final Fill fill;
    private final int batchSize;

    private OcclusionSensitivity(MultiLayerNetwork net, int patch, int stride, Fill fill, int batchSize) {
        this.net = net;
        this.patch = patch;
        this.stride = stride;
        this.fill = fill;
        this.batchSize = batchSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SaliencyMap explain(FloatImage image, int targetClass) {
        int w = image.width();
        int h = image.height();
        if (patch > w || patch > h) {
            throw new IllegalArgumentException("patch " + patch + " larger than the " + w + "x" + h + " image");
        }
        int[] xs = positions(w, patch, stride);
        int[] ys = positions(h, patch, stride);
        List<FloatImage> occluded = new ArrayList<>(xs.length * ys.length + 1);
        occluded.add(image);
        float[] fillValues = fillValues(image);
        for (int y0 : ys) {
            for (int x0 : xs) {
                occluded.add(occlude(image, x0, y0, fillValues));
            }
        }
        double[] p = probabilities(occluded, targetClass);
        double[] sum = new double[w * h];
        int[] count = new int[w * h];
        int k = 1;
        for (int y0 : ys) {
            for (int x0 : xs) {
                double drop = p[0] - p[k++];
                for (int y = y0; y < y0 + patch; y++) {
                    for (int x = x0; x < x0 + patch; x++) {
                        sum[y * w + x] += drop;
                        count[y * w + x]++;
                    }
                }
            }
        }
        float[] values = new float[w * h];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.max(0, sum[i] / count[i]);
        }
        return new SaliencyMap(values, w, h, METHOD, targetClass);
    }

    /** Top-left corners along one axis: 0, stride, 2*stride, ... and always {@code size - patch} last. */
    static int[] positions(int size, int patch, int stride) {
        List<Integer> list = new ArrayList<>();
        for (int p = 0; p + patch <= size; p += stride) {
            list.add(p);
        }
        if (list.get(list.size() - 1) != size - patch) {
            list.add(size - patch);
        }
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private float[] fillValues(FloatImage image) {
        float[] values = new float[image.channels()];
        if (fill == Fill.IMAGE_MEAN) {
            int plane = image.width() * image.height();
            float[] px = image.pixels();
            for (int c = 0; c < values.length; c++) {
                double s = 0;
                for (int i = 0; i < plane; i++) {
                    s += px[c * plane + i];
                }
                values[c] = (float) (s / plane);
            }
        }
        return values;
    }

    private FloatImage occlude(FloatImage image, int x0, int y0, float[] fillValues) {
        float[] px = image.copyPixels();
        int w = image.width();
        int plane = w * image.height();
        for (int c = 0; c < image.channels(); c++) {
            for (int y = y0; y < y0 + patch; y++) {
                for (int x = x0; x < x0 + patch; x++) {
                    px[c * plane + y * w + x] = fillValues[c];
                }
            }
        }
        return new FloatImage(w, image.height(), image.channels(), px);
    }

    private double[] probabilities(List<FloatImage> images, int targetClass) {
        double[] p = new double[images.size()];
        for (int from = 0; from < images.size(); from += batchSize) {
            int to = Math.min(images.size(), from + batchSize);
            INDArray out = net.output(ImageBatch.of(images, from, to), false);
            if (targetClass >= out.size(1)) {
                throw new IllegalArgumentException("target class " + targetClass + " outside [0, " + out.size(1)
                        + ")");
            }
            for (int i = from; i < to; i++) {
                p[i] = out.getDouble(i - from, targetClass);
            }
        }
        return p;
    }

    /** {@code set*} is required, {@code opt*} optional. */
    public static final class Builder {
        private MultiLayerNetwork net;
        private int patch;
        private Integer stride;
        private Fill fill = Fill.IMAGE_MEAN;
        private int batchSize = 64;

        private Builder() {
        }

        /** Required: the trained network. */
        public Builder setNetwork(MultiLayerNetwork net) {
            this.net = net;
            return this;
        }

        /** Required: side of the square patch in pixels. */
        public Builder setPatchSize(int patch) {
            this.patch = patch;
            return this;
        }

        /** Step between patch positions; default half the patch (each pixel covered about four times). */
        public Builder optStride(int stride) {
            this.stride = stride;
            return this;
        }

        /** Patch filling; default {@link Fill#IMAGE_MEAN}. */
        public Builder optFill(Fill fill) {
            this.fill = Objects.requireNonNull(fill, "fill");
            return this;
        }

        /** Occluded images per forward pass; default 64. Memory, not results, depends on it. */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public OcclusionSensitivity build() {
            if (net == null) {
                throw new IllegalStateException("setNetwork(...) is required");
            }
            if (patch <= 0) {
                throw new IllegalStateException("setPatchSize(...) is required and must be > 0, got " + patch);
            }
            int s = stride == null ? Math.max(1, patch / 2) : stride;
            if (s <= 0 || batchSize <= 0) {
                throw new IllegalArgumentException("stride and batch size must be > 0, got " + s + ", " + batchSize);
            }
            return new OcclusionSensitivity(net, patch, s, fill, batchSize);
        }
    }
}
