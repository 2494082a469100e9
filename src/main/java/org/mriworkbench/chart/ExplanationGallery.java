package org.mriworkbench.chart;

import org.mriworkbench.explain.SaliencyMap;
import org.mriworkbench.core.FloatImage;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Explanation heat maps over their MRI slices, in a grid with captions. A saliency map means little on its own;
 * over the slice, a reader sees at once whether the model looked at the lesion, the skull or the background.
 */
public final class ExplanationGallery {

    private ExplanationGallery() {
    }

    /** One overlay per image (alpha 0.45), captioned; the lists must be of equal length. */
    public static BufferedImage of(String title, List<FloatImage> slices, List<SaliencyMap> maps,
                                   List<String> captions, int columns) {
        if (slices.size() != maps.size() || slices.size() != captions.size()) {
            throw new IllegalArgumentException("need one map and one caption per slice");
        }
        ImageGrid.Builder grid = ImageGrid.builder().optTitle(title).optColumns(columns).optCellSize(170);
        for (int i = 0; i < slices.size(); i++) {
            SaliencyMap m = maps.get(i);
            grid.add(Overlays.heatmap(slices.get(i), m.values(), m.width(), m.height(), 0.45), captions.get(i));
        }
        return grid.build().render();
    }
}
