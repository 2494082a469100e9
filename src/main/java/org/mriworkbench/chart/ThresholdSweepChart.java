package org.mriworkbench.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mriworkbench.eval.OperatingPoint;

/**
 * Sensitivity, specificity, PPV and NPV against the decision threshold, with the chosen threshold marked. It shows
 * what moving the threshold buys and costs, which a single operating point in a report cannot; for screening, the
 * marker is usually the threshold picked on validation data for a target sensitivity
 * ({@code OperatingPoints.thresholdForSensitivity}).
 *
 * <p>Rates that are undefined at a threshold (PPV when nothing is called positive) are left out of that series
 * rather than drawn as zero. The marker is a series, not an annotation, so that it is named in the legend.
 */
public final class ThresholdSweepChart {

    public static final String SENSITIVITY = "sensitivity";
    public static final String SPECIFICITY = "specificity";
    public static final String PPV = "PPV (precision)";
    public static final String NPV = "NPV";

    private ThresholdSweepChart() {
    }

    /** The sweep without a marker. */
    public static XYChart of(List<OperatingPoint> sweep) {
        return of(sweep, Double.NaN, ChartStyle.notebook());
    }

    /** The sweep with a vertical marker at {@code chosenThreshold} (NaN for none). */
    public static XYChart of(List<OperatingPoint> sweep, double chosenThreshold) {
        return of(sweep, chosenThreshold, ChartStyle.notebook());
    }

    /** As {@link #of(List, double)}, with a style. */
    public static XYChart of(List<OperatingPoint> sweep, double chosenThreshold, ChartStyle style) {
        List<OperatingPoint> pts = new ArrayList<>();
        for (OperatingPoint p : sweep) {
            if (Double.isFinite(p.threshold())) {
                pts.add(p);
            }
        }
        if (pts.isEmpty()) {
            throw new IllegalArgumentException("no finite thresholds to chart");
        }
        pts.sort(Comparator.comparingDouble(OperatingPoint::threshold));
        XYChart c = new XYChartBuilder().width(style.width()).height(style.height())
                .title("Operating characteristics vs threshold").xAxisTitle("threshold (positive iff score >= t)")
                .yAxisTitle("rate").build();
        style.applyTo(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        c.getStyler().setYAxisDecimalPattern("0.0#");
        c.getStyler().setXAxisDecimalPattern("0.0#");
        addRate(c, pts, SENSITIVITY, OperatingPoint::sensitivity, style, 0);
        addRate(c, pts, SPECIFICITY, OperatingPoint::specificity, style, 1);
        addRate(c, pts, PPV, OperatingPoint::ppv, style, 2);
        addRate(c, pts, NPV, OperatingPoint::npv, style, 3);
        if (Double.isFinite(chosenThreshold)) {
            XYSeries m = c.addSeries("chosen threshold " + Legends.num(chosenThreshold),
                    new double[] {chosenThreshold, chosenThreshold}, new double[] {0, 1});
            m.setLineColor(Color.BLACK).setLineStyle(ChartStyle.dashed());
            m.setMarker(SeriesMarkers.NONE);
        }
        return c;
    }

    private static void addRate(XYChart c, List<OperatingPoint> pts, String name,
                                ToDoubleFunction<OperatingPoint> rate, ChartStyle style, int colour) {
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            x[i] = pts.get(i).threshold();
            y[i] = rate.applyAsDouble(pts.get(i));
        }
        XYSeries s = CurveSeries.add(c, name, x, y);
        s.setLineColor(style.color(colour)).setLineWidth(2.5f);
    }
}
