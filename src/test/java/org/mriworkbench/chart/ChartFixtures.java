package org.mriworkbench.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.chartpart.IChart;
import org.knowm.xchart.internal.series.Series;
import org.mriworkbench.eval.BootstrapInterval;
import org.mriworkbench.eval.Calibration;
import org.mriworkbench.eval.ConfusionMatrix;
import org.mriworkbench.eval.OperatingPoints;
import org.mriworkbench.eval.Ranking;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Small, seeded inputs for every chart, shared by the chart tests and the preview writer. */
final class ChartFixtures {

    static final List<String> FOUR = List.of("GLIOMA", "MENINGIOMA", "NO_TUMOR", "PITUITARY");

    private ChartFixtures() {
    }

    /** A trainer history of 12 epochs with a step learning-rate schedule and one epoch without validation. */
    static Table history() {
        int n = 12;
        IntColumn epoch = IntColumn.create("epoch");
        DoubleColumn tl = DoubleColumn.create("train_loss");
        DoubleColumn ta = DoubleColumn.create("train_accuracy");
        DoubleColumn vl = DoubleColumn.create("val_loss");
        DoubleColumn va = DoubleColumn.create("val_accuracy");
        DoubleColumn lr = DoubleColumn.create("learning_rate");
        DoubleColumn sec = DoubleColumn.create("seconds");
        DoubleColumn ips = DoubleColumn.create("images_per_second");
        for (int e = 1; e <= n; e++) {
            epoch.append(e);
            tl.append(1.3 * Math.exp(-e / 4.0) + 0.05);
            ta.append(1 - 0.7 * Math.exp(-e / 3.5));
            vl.append(e == 7 ? Double.NaN : 1.3 * Math.exp(-e / 5.0) + 0.15 + 0.01 * Math.max(0, e - 8));
            va.append(e == 7 ? Double.NaN : 0.95 - 0.65 * Math.exp(-e / 4.0));
            lr.append(e <= 5 ? 1e-3 : e <= 9 ? 3e-4 : 1e-4);
            sec.append(40 + e);
            ips.append(140 - e);
        }
        return Table.create("history", epoch, tl, ta, vl, va, lr, sec, ips);
    }

    /** An index-like table: label and split columns. */
    static Table labelsBySplit() {
        StringColumn label = StringColumn.create("label");
        StringColumn split = StringColumn.create("split");
        int[][] counts = {{130, 20}, {133, 31}, {160, 41}, {146, 30}};
        for (int c = 0; c < 4; c++) {
            for (int s = 0; s < 2; s++) {
                for (int i = 0; i < counts[c][s]; i++) {
                    label.append(FOUR.get(c));
                    split.append(s == 0 ? "TRAINING" : "TESTING");
                }
            }
        }
        return Table.create("index", label, split);
    }

    /** Per-class mean intensities with shifted means. */
    static Map<String, double[]> intensities() {
        SplittableRandom rng = new SplittableRandom(3);
        Map<String, double[]> out = new LinkedHashMap<>();
        double[] means = {0.28, 0.33, 0.22, 0.30};
        for (int c = 0; c < 4; c++) {
            double[] v = new double[150 + 40 * c];
            for (int i = 0; i < v.length; i++) {
                v[i] = means[c] + 0.05 * gaussian(rng);
            }
            out.put(FOUR.get(c), v);
        }
        return out;
    }

    static ConfusionMatrix confusion() {
        return ConfusionMatrix.ofCounts(new int[][] {{250, 38, 7, 5}, {22, 251, 19, 14}, {1, 4, 398, 2},
                {0, 9, 3, 288}});
    }

    /** Binary labels (1 = tumour), about 35% positive. */
    static int[] labels(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextDouble() < 0.35 ? 1 : 0;
        }
        return y;
    }

    static double[] scores(int[] y, double separation, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] s = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            s[i] = 1 / (1 + Math.exp(-(separation * (y[i] - 0.5) + gaussian(rng))));
        }
        return s;
    }

    /** Two-column probabilities from binary scores. */
    static double[][] probs(double[] scores) {
        double[][] p = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            p[i] = new double[] {1 - scores[i], scores[i]};
        }
        return p;
    }

    /** An interval of +-{@code half} around {@code estimate}, as a bootstrap would report it. */
    static BootstrapInterval around(double estimate, double half) {
        return new BootstrapInterval(estimate, estimate - half, Math.min(1, estimate + half), 0.95, 2000, 0, 7);
    }

    static RocChart.Builder rocBuilder() {
        int[] y = labels(300, 1);
        double[] a = scores(y, 3, 2);
        double[] b = scores(y, 1.5, 3);
        return RocChart.builder()
                .add("baseline", Ranking.rocCurve(y, b), around(Ranking.rocAuc(y, b).value(), 0.04))
                .add("wide", Ranking.rocCurve(y, a), around(Ranking.rocAuc(y, a).value(), 0.02));
    }

    static PrecisionRecallChart.Builder prBuilder() {
        int[] y = labels(300, 1);
        double[] a = scores(y, 3, 2);
        double[] b = scores(y, 1.5, 3);
        return PrecisionRecallChart.builder()
                .add("baseline", Ranking.precisionRecallCurve(y, b), Ranking.averagePrecision(y, b).value())
                .add("wide", Ranking.precisionRecallCurve(y, a), around(Ranking.averagePrecision(y, a).value(), 0.03));
    }

    static List<org.mriworkbench.eval.ReliabilityBin> reliabilityBins() {
        int[] y = labels(600, 4);
        double[] s = scores(y, 1.5, 5);
        // Sharpen the scores to make the model over-confident.
        for (int i = 0; i < s.length; i++) {
            s[i] = 1 / (1 + Math.exp(-3 * Math.log(s[i] / (1 - s[i]))));
        }
        return Calibration.reliabilityBins(y, probs(s), 10);
    }

    static List<org.mriworkbench.eval.OperatingPoint> sweep() {
        int[] y = labels(300, 1);
        return OperatingPoints.sweep(y, scores(y, 3, 2));
    }

    static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** Series names in insertion order (XChart keeps its series map ordered). */
    static List<String> seriesNames(Chart<?, ?> chart) {
        return chart.getSeriesCollection().stream().map(Series::getName).toList();
    }

    /** Renders the chart and checks the image has the chart's size; headless, as in CI. */
    static BufferedImage assertRenders(IChart chart, int width, int height) {
        assertTrue(GraphicsEnvironment.isHeadless(), "tests must run headless");
        BufferedImage img = ChartExport.toImage(chart);
        assertEquals(width, img.getWidth());
        assertEquals(height, img.getHeight());
        return img;
    }
}
