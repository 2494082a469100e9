package org.mriworkbench.chart;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.mriworkbench.eval.BootstrapInterval;

/**
 * The builder the ROC and precision-recall charts share: several runs' curves on one chart with rate axes, each run
 * labelled with its summary number and, when there is one, its bootstrap interval. The two charts differ only in
 * their axes and in how a curve and its reference line are drawn ({@link #draw}), so that is all a subclass says;
 * keeping the rest in one place keeps the two legends, titles and errors alike.
 *
 * @param <C> the curve type
 * @param <B> the concrete builder, returned by the chained methods
 */
abstract class CurveChartBuilder<C, B extends CurveChartBuilder<C, B>> {

    /** One run's legend label and curve. */
    record Run<C>(String label, C curve) {
    }

    private final List<Run<C>> runs = new ArrayList<>();
    private final String metric;
    private final String what;
    private final String xAxisTitle;
    private final String yAxisTitle;
    private final Styler.LegendPosition legend;
    private ChartStyle style = ChartStyle.notebook();
    private String title;

    /**
     * @param metric the legend's name for the summary number, e.g. "AUC"
     * @param what   what a run adds, for the error when none was added, e.g. "ROC curve"
     */
    CurveChartBuilder(String metric, String what, String title, String xAxisTitle, String yAxisTitle,
                      Styler.LegendPosition legend) {
        this.metric = metric;
        this.what = what;
        this.title = title;
        this.xAxisTitle = xAxisTitle;
        this.yAxisTitle = yAxisTitle;
        this.legend = legend;
    }

    abstract B self();

    /** Draws every run (colour {@code i} of the style for run {@code i}) and the reference line(s). */
    abstract void draw(XYChart chart, List<Run<C>> runs, ChartStyle style);

    /** Adds a run labelled {@code "name (METRIC est [lo, hi])"}. */
    public B add(String name, C curve, BootstrapInterval value) {
        runs.add(new Run<>(Legends.withInterval(name, metric, value), curve));
        return self();
    }

    /** Adds a run labelled {@code "name (METRIC est)"}, for when no interval was computed. */
    public B add(String name, C curve, double value) {
        runs.add(new Run<>(Legends.withValue(name, metric, value), curve));
        return self();
    }

    public B optStyle(ChartStyle s) {
        style = s;
        return self();
    }

    public B optTitle(String t) {
        title = t;
        return self();
    }

    public XYChart build() {
        if (runs.isEmpty()) {
            throw new IllegalStateException("add at least one " + what);
        }
        XYChart c = new XYChartBuilder().width(style.width()).height(style.height()).title(title)
                .xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        style.applyTo(c.getStyler());
        c.getStyler().setLegendPosition(legend);
        CurveSeries.rateAxes(c);
        draw(c, List.copyOf(runs), style);
        return c;
    }
}
