package org.mriworkbench.chart;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.Map;

/**
 * Several runs' curves on one chart: the same quantity (validation accuracy per epoch, learning rate per step)
 * for each variant of an ablation or each schedule. A comparison is read on one set of axes; two charts side by
 * side invite comparing tick labels instead of curves.
 */
public final class ComparisonCurves {

    private ComparisonCurves() {
    }

    /** One series per entry, point i at x = i + 1 (epochs counted from 1). */
    public static XYChart perEpoch(String title, String yTitle, Map<String, double[]> seriesByName) {
        return chart(title, "epoch", yTitle, seriesByName, 1.0, 1.0, true);
    }

    /**
     * Learning rate per minibatch, one series per schedule, x in epochs ({@code stepsPerEpoch} steps make one
     * epoch); values as given by {@code org.mriworkbench.train.LrSchedule.perStep}.
     */
    public static XYChart learningRates(String title, Map<String, double[]> ratesByName, int stepsPerEpoch) {
        if (stepsPerEpoch < 1) {
            throw new IllegalArgumentException("stepsPerEpoch must be >= 1, got " + stepsPerEpoch);
        }
        return chart(title, "epoch", "learning rate", ratesByName, 0.0, 1.0 / stepsPerEpoch, false);
    }

    private static XYChart chart(String title, String xTitle, String yTitle, Map<String, double[]> series,
                                 double x0, double dx, boolean markers) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no series to chart");
        }
        ChartStyle style = ChartStyle.notebook();
        XYChart c = new XYChartBuilder().width(style.width()).height(style.height()).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style.applyTo(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        int k = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] y = e.getValue();
            if (y.length == 0) {
                throw new IllegalArgumentException("series '" + e.getKey() + "' is empty");
            }
            double[] x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = x0 + i * dx;
            }
            XYSeries s = c.addSeries(e.getKey(), x, y);
            s.setLineColor(style.color(k)).setLineWidth(2.5f);
            s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE).setMarkerColor(style.color(k));
            k++;
        }
        return c;
    }
}
