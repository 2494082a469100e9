package org.mriworkbench.sweep;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mriworkbench.chart.ChartExport;
import org.mriworkbench.eval.McNemar;
import org.mriworkbench.eval.PairedComparison;
import org.mriworkbench.eval.Predictions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The finished trials of a sweep, ranked on validation: the table, each trial compared with the best by McNemar's
 * test on the same validation images (a rank alone does not say whether a gap is more than noise), the effect of each
 * factor, and charts of the metric against the factors.
 *
 * <p>Replicate seeds: when the spec has a {@code seed} factor, the trials that share every other factor value are one
 * configuration trained with several seeds, because one seed's rank is mostly seed noise (see {@link Configurations}).
 * Then {@link #configurations()} ranks configurations by the mean over their finished seeds with a McNemar test
 * pooled over shared seeds, and {@link #best()} is the best configuration's first-seed trial, so a recipe chosen from
 * {@code best()} is chosen on the mean. {@link #ranked()}, {@link #table()} and {@link #comparisons()} stay per trial.
 *
 * @param spec     the sweep's spec
 * @param trials   every trial of the sweep, in order
 * @param outcomes the finished ones, in order
 * @param ended    why the sweep ended before its last trial (stopped, interrupted), or null
 */
public record SweepResult(SweepSpec spec, List<Trial> trials, List<TrialOutcome> outcomes, String ended) {

    /** The ranked table's file in the sweep folder. */
    public static final String TABLE_FILE = "trials.csv";
    /** Configurations (trials that differ only in seed) ranked by the mean metric over their seeds. */
    public static final String CONFIGURATIONS_FILE = "configurations.csv";
    /** Factor effects (spread of the mean metric across a factor's values). */
    public static final String FACTORS_FILE = "factors.csv";

    public SweepResult {
        trials = List.copyOf(trials);
        outcomes = List.copyOf(outcomes);
    }

    /** Whether every trial within the budget has finished. */
    public boolean complete() {
        return ended == null && outcomes.size() == trials.size();
    }

    /** Finished trials, best first by the spec's metric (NaN last, ties by trial order). */
    public List<TrialOutcome> ranked() {
        SweepMetric m = spec.metric();
        List<TrialOutcome> r = new ArrayList<>(outcomes);
        r.sort((a, b) -> m.better(a.value(m), b.value(m)) ? -1 : m.better(b.value(m), a.value(m)) ? 1
                : Integer.compare(a.index(), b.index()));
        return r;
    }

    /**
     * The trial to take forward. Without a {@code seed} factor, the best finished trial ({@code ranked().get(0)}).
     * With one, the trial of the best configuration by mean over seeds ({@link #configurations()}'s first row) with
     * that configuration's first finished seed in spec order: it need not be the best single trial, which may belong
     * to a configuration whose other seeds did worse.
     */
    public Optional<TrialOutcome> best() {
        return Configurations.replicated(spec) ? new Configurations(spec, trials, outcomes).best()
                : ranked().stream().findFirst();
    }

    /** Whether the spec has a {@code seed} factor, so trials are replicate seeds of fewer configurations. */
    public boolean replicated() {
        return Configurations.replicated(spec);
    }

    /**
     * One row per configuration, best mean first (NaN last, ties by first trial): rank; the factor values except
     * seed; {@code seeds}, the finished seeds; {@code <metric>Mean} and {@code <metric>Sd} (sample sd, NaN for one
     * seed) of the ranking metric over those seeds; {@code accuracyDiffVsBest} and {@code mcnemarP}, McNemar's test
     * against the best configuration with the discordant counts summed over the {@code pairedSeeds} seeds both
     * finished on the same validation images (NaN when none); and its {@code trials}, in seed order. Without a seed
     * factor every trial is a configuration of one seed, and the rows are those of {@link #table()}.
     */
    public Table configurations() {
        return new Configurations(spec, trials, outcomes).table();
    }

    /** The trial behind an outcome. */
    public Trial trial(TrialOutcome o) {
        return trials.get(o.index());
    }

    /**
     * McNemar's test of each finished trial against the best single trial ({@code ranked().get(0)}, which with a seed
     * factor need not be {@link #best()}), on their validation predictions (A = the trial, B = the best). A trial on
     * other validation images (another split) cannot be paired and is left out.
     */
    public Map<String, PairedComparison> comparisons() {
        Map<String, PairedComparison> out = new LinkedHashMap<>();
        Optional<TrialOutcome> best = ranked().stream().findFirst();
        if (best.isEmpty()) {
            return out;
        }
        try {
            Predictions b = TrialOutcome.validationPredictions(Path.of(best.get().runDir()));
            for (TrialOutcome o : ranked()) {
                Predictions a = TrialOutcome.validationPredictions(Path.of(o.runDir()));
                if (a.ids().equals(b.ids())) {
                    out.put(o.name(), McNemar.compare(b.labels(), a.probabilities(), b.probabilities()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The ranked trials: rank, trial, one column per factor, every validation metric, McNemar against the best (the
     * accuracy difference and p), training seconds and the run folder.
     */
    public Table table() {
        Table t = Table.create(spec.name() + ": trials ranked by validation " + spec.metric().id());
        List<TrialOutcome> ranked = ranked();
        Map<String, PairedComparison> cmp = comparisons();
        t.addColumns(IntColumn.create("rank"), StringColumn.create("trial"));
        for (String f : spec.factors().keySet()) {
            t.addColumns(StringColumn.create(f));
        }
        List<SweepMetric> metrics = new ArrayList<>(List.of(spec.metric()));
        for (SweepMetric m : SweepMetric.values()) {
            if (m != spec.metric()) {
                metrics.add(m);
            }
        }
        for (SweepMetric m : metrics) {
            t.addColumns(DoubleColumn.create(m.id()));
        }
        t.addColumns(DoubleColumn.create("accuracyDiffVsBest"), DoubleColumn.create("mcnemarP"),
                IntColumn.create("validationImages"), DoubleColumn.create("seconds"), StringColumn.create("runDir"));
        for (int i = 0; i < ranked.size(); i++) {
            TrialOutcome o = ranked.get(i);
            t.intColumn("rank").append(i + 1);
            t.stringColumn("trial").append(o.name());
            for (String f : spec.factors().keySet()) {
                t.stringColumn(f).append(trial(o).factors().getOrDefault(f, ""));
            }
            for (SweepMetric m : metrics) {
                t.doubleColumn(m.id()).append(o.value(m));
            }
            PairedComparison c = cmp.get(o.name());
            t.doubleColumn("accuracyDiffVsBest").append(c == null ? Double.NaN : c.difference());
            t.doubleColumn("mcnemarP").append(c == null ? Double.NaN : c.pValue());
            t.intColumn("validationImages").append(o.validation());
            t.doubleColumn("seconds").append(o.wallSeconds());
            t.stringColumn("runDir").append(o.runDir());
        }
        return t;
    }

    /**
     * Per factor, the mean metric at each of its values and the spread between the best and worst mean: the factors
     * with the largest spread are the ones that mattered in this sweep. Largest spread first.
     */
    public Table factorEffects() {
        Table t = Table.create("factor effects on validation " + spec.metric().id());
        StringColumn factor = StringColumn.create("factor");
        StringColumn value = StringColumn.create("value");
        DoubleColumn mean = DoubleColumn.create("mean");
        IntColumn n = IntColumn.create("trials");
        DoubleColumn spread = DoubleColumn.create("spread");
        for (String f : mainFactors()) {
            Map<String, double[]> levels = levels(f);
            double s = spread(levels);
            levels.forEach((v, sumN) -> {
                factor.append(f);
                value.append(v);
                mean.append(sumN[0] / sumN[1]);
                n.append((int) sumN[1]);
                spread.append(s);
            });
        }
        return t.addColumns(factor, value, mean, n, spread);
    }

    /** Factors with at least two values among the finished trials, largest effect first. */
    public List<String> mainFactors() {
        List<String> out = new ArrayList<>();
        for (String f : spec.factors().keySet()) {
            if (levels(f).size() > 1) {
                out.add(f);
            }
        }
        out.sort(Comparator.comparingDouble((String f) -> -spread(levels(f))));
        return out;
    }

    /** The metric against one factor: points per trial and the mean per value (numeric axis when it can be). */
    public Chart<?, ?> chart(String factor) {
        String title = "Validation " + spec.metric().id() + " by " + factor;
        Map<String, double[]> levels = levels(factor);
        boolean numeric = levels.keySet().stream().allMatch(SweepResult::isNumber);
        if (!numeric) {
            CategoryChart c = new CategoryChartBuilder().width(640).height(420).title(title).xAxisTitle(factor)
                    .yAxisTitle(spec.metric().id()).build();
            c.getStyler().setLegendVisible(false);
            // Points, not bars from zero: the differences a sweep looks for are a few points of accuracy.
            c.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
            List<Double> means = levels.values().stream().map(v -> v[0] / v[1]).toList();
            double lo = means.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double hi = means.stream().mapToDouble(Double::doubleValue).max().orElse(1);
            double pad = Math.max(0.01, (hi - lo) * 0.5);
            c.getStyler().setYAxisMin(lo - pad);
            c.getStyler().setYAxisMax(hi + pad);
            c.getStyler().setMarkerSize(12);
            c.addSeries("mean", new ArrayList<>(levels.keySet()), means);
            return c;
        }
        XYChart c = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle(factor)
                .yAxisTitle(spec.metric().id()).build();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (TrialOutcome o : outcomes) {
            String v = trial(o).factors().get(factor);
            if (v != null && !Double.isNaN(o.value(spec.metric()))) {
                xs.add(Double.parseDouble(v));
                ys.add(o.value(spec.metric()));
            }
        }
        XYSeries pts = c.addSeries("trials", xs, ys);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        TreeMap<Double, Double> means = new TreeMap<>();
        levels.forEach((v, sumN) -> means.put(Double.parseDouble(v), sumN[0] / sumN[1]));
        XYSeries line = c.addSeries("mean", new ArrayList<>(means.keySet()), new ArrayList<>(means.values()));
        line.setMarker(SeriesMarkers.NONE);
        return c;
    }

    /**
     * Writes the ranked table, the configurations (also without a seed factor, one per trial), the factor effects and
     * one chart per main factor into {@code dir}.
     */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        table().write().csv(dir.resolve(TABLE_FILE).toFile());
        configurations().write().csv(dir.resolve(CONFIGURATIONS_FILE).toFile());
        factorEffects().write().csv(dir.resolve(FACTORS_FILE).toFile());
        for (String f : mainFactors()) {
            ChartExport.png(chart(f), dir.resolve(chartFile(f)));
        }
    }

    /** The chart file of a factor: {@code metric-vs-<factor>.png}. */
    public static String chartFile(String factor) {
        return "metric-vs-" + factor.replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
    }

    /**
     * A printable summary: where the sweep stands, the ranked trials and, with a seed factor, the configurations
     * ranked by mean over seeds, then the trial {@link #best()} takes forward.
     */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "sweep %s: %d of %d trials finished, ranked by validation %s%n",
                spec.name(), outcomes.size(), trials.size(), spec.metric().id()));
        if (ended != null) {
            b.append(ended).append(System.lineSeparator());
        }
        b.append(printable(table(), "runDir")).append(System.lineSeparator());
        if (replicated()) {
            b.append("seed is a factor: configurations ranked by the mean over their seeds, McNemar summed over the "
                    + "seeds each shares with the best").append(System.lineSeparator());
            b.append(printable(configurations(), "trials")).append(System.lineSeparator());
        }
        best().ifPresent(o -> b.append("best: ").append(o.name()).append(' ').append(trial(o).factors())
                .append(" in ").append(o.runDir()).append(System.lineSeparator()));
        return b.toString();
    }

    /** The table without {@code dropped}, numbers rounded to 4 decimals for the console. */
    private static String printable(Table t, String dropped) {
        Table shown = t.selectColumns(t.columnNames().stream().filter(c -> !c.equals(dropped)).toArray(String[]::new));
        for (String c : shown.columnNames()) {
            if (shown.column(c) instanceof DoubleColumn d) {
                shown.replaceColumn(c, d.map(v -> Double.isNaN(v) ? v : Math.round(v * 1e4) / 1e4).setName(c));
            }
        }
        return shown.printAll();
    }

    private Map<String, double[]> levels(String factor) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (TrialOutcome o : outcomes) {
            String v = trial(o).factors().get(factor);
            double x = o.value(spec.metric());
            if (v != null && !Double.isNaN(x)) {
                double[] s = m.computeIfAbsent(v, k -> new double[2]);
                s[0] += x;
                s[1]++;
            }
        }
        return m;
    }

    private static double spread(Map<String, double[]> levels) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] s : levels.values()) {
            lo = Math.min(lo, s[0] / s[1]);
            hi = Math.max(hi, s[0] / s[1]);
        }
        return levels.isEmpty() ? 0 : hi - lo;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
