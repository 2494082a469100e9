package org.mriworkbench.chart;

import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Overlapping histograms of one per-image value on a new folder and on the model's reference images, for the
 * dataset-shift check: a confidence distribution that slides to the left, or a brightness distribution that does
 * not overlap the training one, is seen at a glance where a table of quantiles is read line by line. Built on
 * {@link IntensityHistograms} (shared bin edges, heights as fractions), since the two samples differ in size.
 */
public final class ShiftHistograms {

    /** Bins of both charts: enough for a few hundred images, not so many that 40 images look like noise. */
    public static final int BINS = 20;

    private ShiftHistograms() {
    }

    /** Top-label confidence (largest softmax probability) per image, one series per sample name. */
    public static XYChart confidence(Map<String, double[]> bySample) {
        return of(bySample, "confidence (largest softmax probability)", "Model confidence: new folder vs reference");
    }

    /** Mean raw grayscale intensity per image, one series per sample name. */
    public static XYChart meanIntensity(Map<String, double[]> bySample) {
        return of(bySample, "mean intensity of the raw image", "Image brightness: new folder vs training images");
    }

    private static XYChart of(Map<String, double[]> bySample, String valueName, String title) {
        XYChart c = IntensityHistograms.of(bySample, valueName, BINS, ChartStyle.notebook());
        c.setTitle(title);
        c.setYAxisTitle("fraction of images per bin");
        return c;
    }
}
