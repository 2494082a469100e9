package org.mriworkbench.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mriworkbench.eval.ReliabilityBin;

/**
 * Reliability diagram (DeGroot &amp; Fienberg 1983; Guo et al. 2017, "On Calibration of Modern Neural Networks"):
 * accuracy per confidence bin as bars, the bin's accuracy against its mean confidence as points, the diagonal of
 * perfect calibration, and the number of samples per bin on the right axis. The counts are there because a bar that
 * rests on three images says nothing, and networks put most images in the top bin; the ECE in the title is computed
 * from the same bins, {@code sum |B| / n * |acc(B) - conf(B)|}, so it always matches the picture.
 */
public final class ReliabilityDiagram {

    public static final String ACCURACY = "accuracy per bin";
    public static final String POINTS = "accuracy vs mean confidence";
    public static final String DIAGONAL = "perfect calibration";
    public static final String COUNTS = "samples per bin (right axis)";

    private ReliabilityDiagram() {
    }

    /** Diagram of bins from {@code Calibration.reliabilityBins}. */
    public static XYChart of(List<ReliabilityBin> bins) {
        return of(bins, "Reliability diagram", ChartStyle.notebook());
    }

    /** Diagram with a title prefix; ECE, bin count and n are appended to the title. */
    public static XYChart of(List<ReliabilityBin> bins, String title, ChartStyle style) {
        if (bins.isEmpty()) {
            throw new IllegalArgumentException("no bins to chart");
        }
        long n = 0;
        for (ReliabilityBin b : bins) {
            n += b.count();
        }
        String fullTitle = title + " (ECE " + Legends.num(ece(bins)) + ", " + bins.size() + " bins, n=" + n + ")";
        XYChart c = new XYChartBuilder().width(style.width()).height(style.height()).title(fullTitle)
                .xAxisTitle("confidence (top-label probability)").yAxisTitle("accuracy").build();
        style.applyTo(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        CurveSeries.rateAxes(c);

        List<Double> barX = new ArrayList<>();
        List<Double> barY = new ArrayList<>();
        List<Double> pointX = new ArrayList<>();
        List<Double> pointY = new ArrayList<>();
        double[] mid = new double[bins.size()];
        double[] counts = new double[bins.size()];
        for (int i = 0; i < bins.size(); i++) {
            ReliabilityBin b = bins.get(i);
            mid[i] = (b.lower() + b.upper()) / 2;
            counts[i] = b.count();
            double acc = b.count() == 0 ? 0 : b.accuracy();
            barX.addAll(List.of(b.lower(), b.lower(), b.upper(), b.upper()));
            barY.addAll(List.of(0.0, acc, acc, 0.0));
            if (b.count() > 0) {
                pointX.add(b.meanConfidence());
                pointY.add(b.accuracy());
            }
        }
        Color blue = style.color(0);
        XYSeries bars = c.addSeries(ACCURACY, barX, barY);
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        bars.setFillColor(new Color(blue.getRed(), blue.getGreen(), blue.getBlue(), 110));
        bars.setLineColor(blue).setLineWidth(1f);
        bars.setMarker(SeriesMarkers.NONE);

        CurveSeries.referenceLine(c, DIAGONAL, 0, 0, 1, 1);

        XYSeries points = c.addSeries(POINTS, pointX.isEmpty() ? List.of(0.0) : pointX,
                pointY.isEmpty() ? List.of(0.0) : pointY);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(style.color(1));

        XYSeries countSeries = c.addSeries(COUNTS, mid, counts);
        countSeries.setYAxisGroup(1);
        countSeries.setLineColor(Color.GRAY).setLineWidth(1f);
        countSeries.setMarker(SeriesMarkers.SQUARE).setMarkerColor(Color.GRAY);
        c.setYAxisGroupTitle(0, "accuracy");
        c.setYAxisGroupTitle(1, "samples in bin");
        c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        c.getStyler().setYAxisMin(1, 0.0);
        countSeries.setYAxisDecimalPattern("#,##0");
        return c;
    }

    /** Expected calibration error from the bins themselves; NaN when they hold no samples. */
    public static double ece(List<ReliabilityBin> bins) {
        long n = 0;
        double sum = 0;
        for (ReliabilityBin b : bins) {
            if (b.count() > 0) {
                n += b.count();
                sum += b.count() * Math.abs(b.accuracy() - b.meanConfidence());
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
