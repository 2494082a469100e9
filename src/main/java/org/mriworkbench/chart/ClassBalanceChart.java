package org.mriworkbench.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Images per class, one bar group per class and one bar colour per split (or subset). Class imbalance that differs
 * between splits is the quiet reason a validation score fails to carry over to test, so the split is always the
 * grouping, and every bar carries its count so that nobody has to read small differences off an axis.
 */
public final class ClassBalanceChart {

    private ClassBalanceChart() {
    }

    /** Counts of column {@code label} per value of column {@code split}, e.g. from {@code DatasetIndex.toTable()}. */
    public static CategoryChart of(Table table) {
        return of(table, "label", "split", ChartStyle.notebook());
    }

    /**
     * Counts of {@code labelColumn} values, grouped by {@code groupColumn} values. Classes and groups are sorted by
     * name; a class absent from a group gets a zero bar, which is itself worth seeing.
     */
    public static CategoryChart of(Table table, String labelColumn, String groupColumn, ChartStyle style) {
        Column<?> labels = table.column(labelColumn);
        Column<?> groups = table.column(groupColumn);
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (int i = 0; i < table.rowCount(); i++) {
            counts.computeIfAbsent(groups.getString(i), g -> new TreeMap<>())
                    .merge(labels.getString(i), 1L, Long::sum);
        }
        return of(counts, "Images per class and " + groupColumn, style);
    }

    /**
     * Counts from a map {@code group -> (class -> count)}; groups and classes keep the map's iteration order, so a
     * {@code LinkedHashMap} in {@code Task} class order gives bars in class-index order.
     */
    public static CategoryChart of(Map<String, ? extends Map<String, ? extends Number>> countsByGroup, String title,
                                   ChartStyle style) {
        if (countsByGroup.isEmpty()) {
            throw new IllegalArgumentException("no counts to chart");
        }
        List<String> classes = new ArrayList<>();
        for (Map<String, ? extends Number> m : countsByGroup.values()) {
            for (String c : m.keySet()) {
                if (!classes.contains(c)) {
                    classes.add(c);
                }
            }
        }
        CategoryChart c = new CategoryChartBuilder().width(style.width()).height(style.height()).title(title)
                .xAxisTitle("class").yAxisTitle("images").build();
        style.applyTo(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setLabelsVisible(true);
        c.getStyler().setLabelsFont(style.legendFont());
        c.getStyler().setLabelsPosition(0.5);
        c.getStyler().setLabelsFontColorAutomaticEnabled(true);
        c.getStyler().setYAxisDecimalPattern("#,##0");
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setAvailableSpaceFill(0.8);
        for (Map.Entry<String, ? extends Map<String, ? extends Number>> g : countsByGroup.entrySet()) {
            List<Number> ys = new ArrayList<>();
            long total = 0;
            for (String cls : classes) {
                Number n = g.getValue().get(cls);
                long v = n == null ? 0 : n.longValue();
                ys.add(v);
                total += v;
            }
            c.addSeries(g.getKey() + " (n=" + total + ")", classes, ys);
        }
        return c;
    }
}
