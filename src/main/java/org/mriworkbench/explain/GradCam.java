package org.mriworkbench.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.core.FloatImage;
import org.mriworkbench.core.Resample;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Grad-CAM: Selvaraju, Cogswell, Das, Vedantam, Parikh &amp; Batra, "Grad-CAM: Visual Explanations from Deep
 * Networks via Gradient-based Localization", ICCV 2017 (arXiv:1610.02391).
 *
 * <p>For a target class {@code c} with logit {@code z_c} and feature maps {@code A_k} of a convolutional layer:
 * <pre>
 *   w_k = mean over positions (i, j) of dz_c / dA_k[i, j]      (how much channel k matters for c)
 *   L   = ReLU( sum_k w_k A_k )                                (where the important channels fire)
 * </pre>
 * then {@code L} is upsampled bilinearly to the image size and scaled to [0,1] by its minimum and maximum. The
 * ReLU keeps only evidence <em>for</em> the class, as in the paper. The capture of {@code A} and {@code dz_c/dA}
 * lives in {@link ActivationsAndGradients}; this class is only the arithmetic above.
 *
 * <p><b>Choosing the target layer.</b> Deeper layers carry more class-specific meaning but coarser positions;
 * the paper takes the last convolutional layer as the best compromise. The default here is the last convolution
 * <em>block's rectified output</em>: the last {@code ConvolutionLayer}, followed past any batch norm and activation
 * layers directly after it ({@code relu3} in a {@link org.mriworkbench.model.CnnSpec} with three batch-norm
 * blocks, {@code conv3} itself without batch norm, whose activation is then built in). Not the raw conv or the
 * batch-norm output, because those are signed, pre-ReLU values, and the paper's maps are the rectified ones; not
 * the pooling layer after it, because that halves the resolution and adds nothing else. Pick an earlier block
 * ({@link Builder#optTargetLayer(String)}) for finer but less class-specific maps; on a 64-pixel input with three
 * blocks the default map is 16x16 before upsampling, so one map cell covers 4x4 pixels.
 *
 * <p>An all-zero map (no positive evidence for the class anywhere, common when explaining a class the network
 * rejects) is returned as a flat map of zeros, see {@link SaliencyMap#isFlat()}.
 */
public final class GradCam implements Explainer {

    /** Method name recorded in every {@link SaliencyMap} this class makes. */
    public static final String METHOD = "grad-cam";
    private static final int BATCH = 32;

    private final ActivationsAndGradients capture;
    private final int targetLayer;

    private GradCam(ActivationsAndGradients capture, int targetLayer) {
        this.capture = capture;
        this.targetLayer = targetLayer;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Grad-CAM at the {@linkplain #defaultTargetLayer default target layer} of {@code net}. */
    public static GradCam of(MultiLayerNetwork net) {
        return builder().setNetwork(net).build();
    }

    /** Index of the layer whose output is explained. */
    public int targetLayer() {
        return targetLayer;
    }

    /**
     * The default target layer: the last convolution, moved past the batch-norm and activation layers that
     * directly follow it (see the class Javadoc for why).
     *
     * @throws IllegalArgumentException when the network has no convolution layer
     */
    public static int defaultTargetLayer(MultiLayerNetwork net) {
        Layer[] layers = net.getLayers();
        int conv = -1;
        for (int i = 0; i < layers.length; i++) {
            if (layers[i].conf().getLayer() instanceof ConvolutionLayer) {
                conv = i;
            }
        }
        if (conv < 0) {
            throw new IllegalArgumentException("the network has no convolution layer for Grad-CAM to explain");
        }
        int target = conv;
        while (target + 1 < layers.length - 1 && (layers[target + 1].conf().getLayer() instanceof BatchNormalization
                || layers[target + 1].conf().getLayer() instanceof ActivationLayer)) {
            target++;
        }
        return target;
    }

    @Override
    public SaliencyMap explain(FloatImage image, int targetClass) {
        return explainAll(List.of(image), targetClass).get(0);
    }

    @Override
    public List<SaliencyMap> explainAll(List<FloatImage> images, int targetClass) {
        List<SaliencyMap> maps = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += BATCH) {
            int to = Math.min(images.size(), from + BATCH);
            ActivationsAndGradients.Capture c = capture.capture(ImageBatch.of(images, from, to), targetLayer,
                    targetClass);
            INDArray a = c.activations();
            if (a.rank() != 4) {
                throw new IllegalStateException("Grad-CAM needs a convolutional (rank-4) target layer; layer "
                        + targetLayer + " gives rank " + a.rank());
            }
            int channels = (int) a.size(1);
            int h = (int) a.size(2);
            int w = (int) a.size(3);
            for (int i = 0; i < to - from; i++) {
                FloatImage image = images.get(from + i);
                float[] coarse = coarseMap(ImageBatch.example(a, i), ImageBatch.example(c.gradients(), i),
                        channels, h, w);
                float[] full = Resample.plane(coarse, 0, w, h, image.width(), image.height());
                maps.add(new SaliencyMap(minMaxScaled(full), image.width(), image.height(), METHOD, targetClass));
            }
        }
        return maps;
    }

    /**
     * The Grad-CAM equation on one example: {@code ReLU(sum_k mean(G_k) A_k)}, with {@code A} and {@code G}
     * (activations and gradients) as {@code [channels, h, w]} row-major arrays. Returns {@code h * w} values.
     */
    static float[] coarseMap(float[] activations, float[] gradients, int channels, int h, int w) {
        int plane = h * w;
        float[] map = new float[plane];
        for (int k = 0; k < channels; k++) {
            double weight = 0;
            for (int p = 0; p < plane; p++) {
                weight += gradients[k * plane + p];
            }
            weight /= plane;
            for (int p = 0; p < plane; p++) {
                map[p] += (float) (weight * activations[k * plane + p]);
            }
        }
        for (int p = 0; p < plane; p++) {
            map[p] = Math.max(0f, map[p]);
        }
        return map;
    }

    /** Scales to [0,1] by minimum and maximum; a constant map becomes all zeros (flat, nothing localised). */
    static float[] minMaxScaled(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float[] out = new float[values.length];
        if (max > min) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (values[i] - min) / (max - min);
            }
        }
        return out;
    }

    /** {@code set*} is required, {@code opt*} optional. */
    public static final class Builder {
        private MultiLayerNetwork net;
        private Integer layerIndex;
        private String layerName;

        private Builder() {
        }

        /** Required: the trained network to explain. */
        public Builder setNetwork(MultiLayerNetwork net) {
            this.net = net;
            return this;
        }

        /** Explain this layer (by DL4J layer name, e.g. {@code "relu2"}) instead of the default. */
        public Builder optTargetLayer(String name) {
            this.layerName = Objects.requireNonNull(name, "name");
            this.layerIndex = null;
            return this;
        }

        /** Explain this layer (by index in the network) instead of the default. */
        public Builder optTargetLayer(int index) {
            this.layerIndex = index;
            this.layerName = null;
            return this;
        }

        public GradCam build() {
            if (net == null) {
                throw new IllegalStateException("setNetwork(...) is required");
            }
            ActivationsAndGradients capture = new ActivationsAndGradients(net);
            int index;
            if (layerName != null) {
                if (!net.getLayerNames().contains(layerName)) {
                    throw new IllegalArgumentException("no layer named '" + layerName + "'; layers: "
                            + net.getLayerNames());
                }
                index = net.getLayer(layerName).getIndex();
            } else {
                index = layerIndex != null ? layerIndex : defaultTargetLayer(net);
            }
            if (index < 0 || index >= capture.numLayers() - 1) {
                throw new IllegalArgumentException("target layer " + index + " is not a hidden layer of a "
                        + capture.numLayers() + "-layer network");
            }
            return new GradCam(capture, index);
        }
    }
}
