package org.mriworkbench.chart;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.mriworkbench.eval.BootstrapInterval;

/**
 * The builder the ROC and precision-recall charts share: several runs' curves on one chart with rate axes, each run
 * labelled with its summary number and, when there is one, its bootstrap interval. The two charts differ only in
 * their axes, in which points draw a curve ({@link #points}) and in their reference lines, so that is all a subclass
 * says; keeping the rest in one place keeps the two legends, line styles, titles and errors alike.
 *
 * @param <C> the curve type
 * @param <B> the concrete builder, returned by the chained methods
 */
abstract class CurveChartBuilder<C, B extends CurveChartBuilder<C, B>> {

    private record Run<C>(String label, C curve) {
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

    /** The {@code {x, y}} points that draw {@code curve}. */
    abstract double[][] points(C curve);

    /** Adds the reference line(s) after the runs' curves. */
    abstract void referenceLines(XYChart chart, List<C> curves);

    /** Axis settings beyond the rate axes; none by default. */
    void configure(XYChart chart) {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

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
        configure(c);
        for (int i = 0; i < runs.size(); i++) {
            Run<C> r = runs.get(i);
            double[][] p = points(r.curve());
            XYSeries s = CurveSeries.add(c, r.label(), p[0], p[1]);
            s.setLineColor(style.color(i)).setLineWidth(2.5f);
        }
        referenceLines(c, runs.stream().map(Run::curve).toList());
        return c;
    }
}
