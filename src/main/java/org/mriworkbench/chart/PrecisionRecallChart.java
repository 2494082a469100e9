package org.mriworkbench.chart;

import java.util.List;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mriworkbench.eval.PrecisionRecallCurve;

/**
 * Precision-recall curves of one or more runs, labelled with average precision and its bootstrap interval, plus the
 * no-skill line at the positive prevalence. PR curves matter when positives are rare: there the ROC curve looks
 * good while most alarms are false, and precision shows it.
 *
 * <p>Each curve is drawn as the step function whose area is exactly the average precision that
 * {@code Ranking.averagePrecision} reports (precision {@code P_n} held over recall {@code (R_(n-1), R_n]}), so the
 * picture and the number agree; linear interpolation between PR points would be optimistic (Davis &amp; Goadrich
 * 2006). The prevalence is read off the curve itself: at its lowest threshold every sample is called positive, so
 * precision there is P / (P + N). One no-skill line is drawn per distinct prevalence.
 */
public final class PrecisionRecallChart {

    private PrecisionRecallChart() {
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a PR chart; add at least one curve. */
    public static final class Builder extends CurveChartBuilder<PrecisionRecallCurve, Builder> {

        private Builder() {
            super("AP", "precision-recall curve", "Precision-recall curve", "recall (sensitivity)",
                    "precision (PPV)", Styler.LegendPosition.InsideSW);
        }

        @Override
        void configure(XYChart c) {
            c.getStyler().setYAxisMin(0, 0.0).setYAxisMax(0, 1.0);
        }

        @Override
        double[][] points(PrecisionRecallCurve curve) {
            return steps(curve);
        }

        @Override
        void referenceLines(XYChart c, List<PrecisionRecallCurve> curves) {
            TreeSet<Double> prevalences = new TreeSet<>();
            for (PrecisionRecallCurve curve : curves) {
                double[] p = curve.precision();
                if (p.length > 0 && Double.isFinite(p[p.length - 1])) {
                    prevalences.add(Math.round(p[p.length - 1] * 1000) / 1000.0);
                }
            }
            for (double prev : prevalences) {
                CurveSeries.referenceLine(c, "no skill (prevalence " + Legends.num(prev) + ")", 0, prev, 1, prev);
            }
        }
    }

    /** The curve as {x = recall, y = precision} points of the AP step function, starting at recall 0. */
    static double[][] steps(PrecisionRecallCurve curve) {
        double[] p = curve.precision();
        double[] r = curve.recall();
        double[] xs = new double[2 * p.length];
        double[] ys = new double[2 * p.length];
        double prevRecall = 0;
        for (int i = 0; i < p.length; i++) {
            xs[2 * i] = prevRecall;
            ys[2 * i] = p[i];
            xs[2 * i + 1] = r[i];
            ys[2 * i + 1] = p[i];
            prevRecall = r[i];
        }
        return new double[][] {xs, ys};
    }
}
