package org.mriworkbench.chart;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mriworkbench.eval.RocCurve;

/**
 * ROC curves of one or more runs on one chart, each labelled with its AUC and bootstrap interval, plus the chance
 * diagonal. Runs are compared on one chart because the question is nearly always "is B better than A?", and the
 * intervals are in the legend because two AUCs 0.005 apart with overlapping intervals are not a result.
 *
 * <p>Points with an undefined rate (a curve computed without positives or negatives) are dropped, so such a run
 * draws nothing but still appears in the legend with "n/a".
 */
public final class RocChart {

    /** Series name of the chance diagonal. */
    public static final String CHANCE = "chance";

    private RocChart() {
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a ROC chart; add at least one curve. */
    public static final class Builder extends CurveChartBuilder<RocCurve, Builder> {

        private Builder() {
            super("AUC", "ROC curve", "ROC curve", "false-positive rate (1 - specificity)",
                    "true-positive rate (sensitivity)", Styler.LegendPosition.InsideSE);
        }

        @Override
        double[][] points(RocCurve curve) {
            return new double[][] {curve.fpr(), curve.tpr()};
        }

        @Override
        void referenceLines(XYChart c, List<RocCurve> curves) {
            CurveSeries.referenceLine(c, CHANCE, 0, 0, 1, 1);
        }
    }
}
