package org.mriworkbench.chart;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mriworkbench.eval.BootstrapInterval;
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
    public static final class Builder {
        private record Run(String label, RocCurve curve) {
        }

        private final List<Run> runs = new ArrayList<>();
        private ChartStyle style = ChartStyle.notebook();
        private String title = "ROC curve";

        private Builder() {
        }

        /** Adds a run labelled {@code "name (AUC est [lo, hi])"}. */
        public Builder add(String name, RocCurve curve, BootstrapInterval auc) {
            runs.add(new Run(Legends.withInterval(name, "AUC", auc), curve));
            return this;
        }

        /** Adds a run labelled {@code "name (AUC est)"}, for when no interval was computed. */
        public Builder add(String name, RocCurve curve, double auc) {
            runs.add(new Run(Legends.withValue(name, "AUC", auc), curve));
            return this;
        }

        public Builder optStyle(ChartStyle s) {
            style = s;
            return this;
        }

        public Builder optTitle(String t) {
            title = t;
            return this;
        }

        public XYChart build() {
            if (runs.isEmpty()) {
                throw new IllegalStateException("add at least one ROC curve");
            }
            XYChart c = new XYChartBuilder().width(style.width()).height(style.height()).title(title)
                    .xAxisTitle("false-positive rate (1 - specificity)").yAxisTitle("true-positive rate (sensitivity)")
                    .build();
            style.applyTo(c.getStyler());
            c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
            CurveSeries.rateAxes(c);
            for (int i = 0; i < runs.size(); i++) {
                Run r = runs.get(i);
                XYSeries s = CurveSeries.add(c, r.label(), r.curve().fpr(), r.curve().tpr());
                s.setLineColor(style.color(i)).setLineWidth(2.5f);
            }
            CurveSeries.referenceLine(c, CHANCE, 0, 0, 1, 1);
            return c;
        }
    }
}
