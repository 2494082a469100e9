package org.mriworkbench.chart;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Plumbing shared by the charts whose axes are rates in [0, 1]. */
final class CurveSeries {

    private CurveSeries() {
    }

    /** Rate axes with "0.0#" tick labels; the [0, 1] range comes from the chart's reference line. */
    static void rateAxes(XYChart c) {
        c.getStyler().setXAxisDecimalPattern("0.0#").setYAxisDecimalPattern("0.0#");
    }

    /**
     * A dashed grey straight line from (x0, y0) to (x1, y1), not part of the data. It carries an extra collinear
     * point at an irrational fraction of its length, which changes nothing on screen but matters to XChart 4.0.3:
     * when all x (or y) values of a chart are equally spaced, as ROC rates k/N are, XChart puts ticks on data
     * values (0.0704, 0.1407, ...) instead of round numbers, and the extra point breaks that spacing.
     */
    static XYSeries referenceLine(XYChart c, String name, double x0, double y0, double x1, double y1) {
        double f = 1 / Math.PI;
        XYSeries s = c.addSeries(name, new double[] {x0, x0 + f * (x1 - x0), x1},
                new double[] {y0, y0 + f * (y1 - y0), y1});
        s.setLineColor(ChartStyle.REFERENCE).setLineStyle(ChartStyle.dashed());
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    /**
     * Adds a line series of the points where both coordinates are finite; when none is, a single invisible NaN-free
     * point keeps the run in the legend.
     */
    static XYSeries add(XYChart c, String name, double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                n++;
            }
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                xs[j] = x[i];
                ys[j++] = y[i];
            }
        }
        XYSeries s = n == 0 ? c.addSeries(name, new double[] {0}, new double[] {0}) : c.addSeries(name, xs, ys);
        s.setMarker(SeriesMarkers.NONE);
        if (n == 0) {
            s.setLineWidth(0f);
        }
        return s;
    }
}
