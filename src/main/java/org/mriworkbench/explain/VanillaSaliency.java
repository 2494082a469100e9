package org.mriworkbench.explain;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.core.FloatImage;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient ("vanilla") saliency: Simonyan, Vedaldi &amp; Zisserman, "Deep Inside Convolutional Networks:
 * Visualising Image Classification Models and Saliency Maps", ICLR Workshop 2014 (arXiv:1312.6034).
 *
 * <p>The map is {@code |dz_c / dx|}, the magnitude of the gradient of the target-class logit with respect to each
 * input pixel, taking the maximum over channels as the paper does; it is then divided by its maximum, so values
 * lie in [0,1] and compare only within one map. It answers "which pixels would change the score most if nudged",
 * at full resolution, which makes it sharper than Grad-CAM but also noisier: single pixels of texture and noise
 * can dominate. The score is the logit, for the reasons given in {@link ActivationsAndGradients}.
 */
public final class VanillaSaliency implements Explainer {

    /** Method name recorded in every {@link SaliencyMap} this class makes. */
    public static final String METHOD = "vanilla-saliency";
    private static final int BATCH = 32;

    private final ActivationsAndGradients capture;

    public VanillaSaliency(MultiLayerNetwork net) {
        this.capture = new ActivationsAndGradients(net);
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
            INDArray grads = capture.capture(ImageBatch.of(images, from, to), ActivationsAndGradients.INPUT,
                    targetClass).gradients();
            for (int i = 0; i < to - from; i++) {
                FloatImage image = images.get(from + i);
                float[] map = maxAbsOverChannels(ImageBatch.example(grads, i), image.channels(),
                        image.width() * image.height());
                maps.add(new SaliencyMap(maxScaled(map), image.width(), image.height(), METHOD, targetClass));
            }
        }
        return maps;
    }

    /** {@code max_c |g[c, p]|} for each position {@code p} of a {@code [channels, plane]} array. */
    static float[] maxAbsOverChannels(float[] gradients, int channels, int plane) {
        float[] out = new float[plane];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < plane; p++) {
                out[p] = Math.max(out[p], Math.abs(gradients[c * plane + p]));
            }
        }
        return out;
    }

    /** Divides non-negative values by their maximum; all zeros stay zeros (a flat map). */
    static float[] maxScaled(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        float[] out = new float[values.length];
        if (max > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] = values[i] / max;
            }
        }
        return out;
    }
}
