package org.mriworkbench.chart;

import java.awt.Color;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Overlapping, semi-transparent histograms of an intensity statistic per class (per-image mean intensity, or a
 * sample of pixel values). If one class is visibly brighter than the others, a CNN can score well by learning
 * brightness instead of anatomy; this chart is how such a shortcut is spotted before training.
 *
 * <p>All classes share one set of bin edges, so bars line up, and heights are the fraction of the class in each
 * bin rather than counts: classes differ several-fold in size, and counts would compare sizes instead of shapes.
 * Non-finite values are ignored (and the legend's n counts only the values used).
 */
public final class IntensityHistograms {

    private IntensityHistograms() {
    }

    /** Histograms of {@code valuesByClass} with {@code bins} equal bins over the joint range. */
    public static XYChart of(Map<String, double[]> valuesByClass, String valueName, int bins) {
        return of(valuesByClass, valueName, bins, ChartStyle.notebook());
    }

    /** As {@link #of(Map, String, int)}, with a style. */
    public static XYChart of(Map<String, double[]> valuesByClass, String valueName, int bins, ChartStyle style) {
        if (bins < 1) {
            throw new IllegalArgumentException("need at least one bin, got " + bins);
        }
        if (valuesByClass.isEmpty()) {
            throw new IllegalArgumentException("no classes to chart");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] vs : valuesByClass.values()) {
            for (double v : vs) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            throw new IllegalArgumentException("no finite values to chart");
        }
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        // Widen the range to multiples of a round step, so that XChart's ticks (which start at the axis minimum)
        // fall on round numbers and bin edges line up with them.
        double step = niceStep((hi - lo) / 8);
        lo = Math.floor(lo / step) * step;
        hi = Math.ceil(hi / step) * step;
        XYChart c = new XYChartBuilder().width(style.width()).height(style.height())
                .title("Distribution of " + valueName + " by class").xAxisTitle(valueName)
                .yAxisTitle("fraction of class per bin").build();
        style.applyTo(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisDecimalPattern("0.00");
        c.getStyler().setXAxisDecimalPattern(step >= 1 ? "0" : step >= 0.1 ? "0.0" : step >= 0.01 ? "0.00" : "0.###");
        int i = 0;
        for (Map.Entry<String, double[]> e : valuesByClass.entrySet()) {
            double[] edges = new double[bins + 1];
            for (int b = 0; b <= bins; b++) {
                edges[b] = lo + (hi - lo) * b / bins;
            }
            long[] counts = new long[bins];
            long n = 0;
            for (double v : e.getValue()) {
                if (Double.isFinite(v)) {
                    int b = (int) Math.floor((v - lo) / (hi - lo) * bins);
                    counts[Math.max(0, Math.min(bins - 1, b))]++;
                    n++;
                }
            }
            // A step outline: each bin contributes its left and right edge at the bin's height.
            double[] xs = new double[2 * bins + 2];
            double[] ys = new double[2 * bins + 2];
            xs[0] = edges[0];
            for (int b = 0; b < bins; b++) {
                double f = n == 0 ? 0 : counts[b] / (double) n;
                xs[2 * b + 1] = edges[b];
                ys[2 * b + 1] = f;
                xs[2 * b + 2] = edges[b + 1];
                ys[2 * b + 2] = f;
            }
            xs[2 * bins + 1] = edges[bins];
            Color color = style.color(i++);
            XYSeries s = c.addSeries(e.getKey() + " (n=" + n + ")", xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            s.setLineColor(color).setLineWidth(2f);
            s.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 70));
            s.setMarker(SeriesMarkers.NONE);
        }
        return c;
    }

    /** 1, 2 or 5 times a power of ten, the smallest such step of at least {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
