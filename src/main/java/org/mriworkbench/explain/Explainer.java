package org.mriworkbench.explain;

import java.util.ArrayList;
import java.util.List;
import org.mriworkbench.core.FloatImage;

/**
 * Something that explains one class decision of a trained network on one image as a {@link SaliencyMap}. One
 * method, so Grad-CAM, gradient saliency and occlusion can be swapped in a notebook or a sanity check.
 *
 * <p>Implementations are not thread-safe: they run the network's layers one by one, and DL4J layers keep their
 * last input. Use one explainer (and one network) per thread.
 */
public interface Explainer {

    /**
     * Explains why the network gives {@code targetClass} the score it gives on {@code image}.
     *
     * @param image       an image of the size and channel count the network takes, already preprocessed
     * @param targetClass class index in the network's output order (see {@link org.mriworkbench.data.Task})
     */
    SaliencyMap explain(FloatImage image, int targetClass);

    /** Explains each image for the same class; implementations may batch the work. */
    default List<SaliencyMap> explainAll(List<FloatImage> images, int targetClass) {
        List<SaliencyMap> maps = new ArrayList<>(images.size());
        for (FloatImage image : images) {
            maps.add(explain(image, targetClass));
        }
        return maps;
    }
}
