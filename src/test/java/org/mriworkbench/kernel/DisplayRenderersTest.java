package org.mriworkbench.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.common.Text;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.internal.chartpart.IChart;
import org.mriworkbench.chart.ChartExport;
import org.mriworkbench.chart.ClassBalanceChart;
import org.mriworkbench.chart.ConfusionMatrixChart;
import org.mriworkbench.chart.ImageGrid;
import org.mriworkbench.chart.IntensityHistograms;
import org.mriworkbench.chart.PrecisionRecallChart;
import org.mriworkbench.chart.ReliabilityDiagram;
import org.mriworkbench.chart.RocChart;
import org.mriworkbench.chart.ShiftHistograms;
import org.mriworkbench.chart.ThresholdSweepChart;
import org.mriworkbench.eval.BootstrapInterval;
import org.mriworkbench.eval.Calibration;
import org.mriworkbench.eval.ClassificationReport;
import org.mriworkbench.eval.ConfusionMatrix;
import org.mriworkbench.eval.MetricValue;
import org.mriworkbench.eval.OperatingPoints;
import org.mriworkbench.eval.PairedComparison;
import org.mriworkbench.eval.Ranking;
import org.mriworkbench.core.FloatImage;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.RenderedImage;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every chart, table, record and metric the library returns renders as a picture, an HTML table or readable text in
 * the kernel's renderer set-up, and no display is an object identity such as {@code ConfusionMatrixChart@6c38ed83}.
 */
class DisplayRenderersTest {

    /** What Java's Object.toString prints: the notebook must never show it. */
    static final Pattern IDENTITY = Pattern.compile("[A-Za-z_$][\\w.$]*@[0-9a-f]{4,}");

    static Renderer renderer;
    static CellEvaluator eval;

    @BeforeAll
    static void start() {
        renderer = new Renderer();
        Image.registerAll(renderer);
        Text.registerAll(renderer);
        DisplayRenderers.registerAll(renderer);
        eval = new CellEvaluator(CellEvaluator.jvmClasspath(), Path.of("."));
    }

    @AfterAll
    static void stop() {
        eval.close();
    }

    private static void assertPng(Object value) {
        DisplayData d = renderer.render(value);
        Object png = d.getData(MIMEType.IMAGE_PNG);
        assertTrue(png instanceof String, value.getClass().getSimpleName() + " has no image/png: " + d.getData(MIMEType.TEXT_PLAIN));
        byte[] bytes = Base64.getDecoder().decode((String) png);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
        assertNoIdentity(d);
    }

    private static void assertNoIdentity(DisplayData d) {
        Object text = d.getData(MIMEType.TEXT_PLAIN);
        assertFalse(text != null && IDENTITY.matcher(text.toString()).find(), "identity shown: " + text);
    }

    private static int[] labels(int n) {
        SplittableRandom rng = new SplittableRandom(11);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextDouble() < 0.4 ? 1 : 0;
        }
        return y;
    }

    private static double[] scores(int[] y) {
        SplittableRandom rng = new SplittableRandom(12);
        double[] s = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            s[i] = 1 / (1 + Math.exp(-(2.0 * (y[i] - 0.5) + rng.nextGaussian())));
        }
        return s;
    }

    private static double[][] probs(double[] s) {
        double[][] p = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            p[i] = new double[] {1 - s[i], s[i]};
        }
        return p;
    }

    @Test
    void everyChartTheLibraryBuildsRendersAsPng() {
        int[] y = labels(300);
        double[] s = scores(y);
        BootstrapInterval auc = new BootstrapInterval(0.83, 0.80, 0.86, 0.95, 200, 0, 1);
        ConfusionMatrix cm = ConfusionMatrix.ofCounts(new int[][] {{50, 3}, {7, 40}});
        Map<String, double[]> byGroup = new LinkedHashMap<>();
        byGroup.put("a", new double[] {0.1, 0.2, 0.3, 0.5});
        byGroup.put("b", new double[] {0.4, 0.6, 0.7, 0.9});
        List<Object> charts = List.of(
                ConfusionMatrixChart.of(cm, List.of("NO_TUMOR", "TUMOR")),
                RocChart.builder().add("model", Ranking.rocCurve(y, s), auc).build(),
                PrecisionRecallChart.builder().add("model", Ranking.precisionRecallCurve(y, s), 0.7).build(),
                ReliabilityDiagram.of(Calibration.reliabilityBins(y, probs(s), 10)),
                ThresholdSweepChart.of(OperatingPoints.sweep(y, s)),
                IntensityHistograms.of(byGroup, "mean intensity", 10),
                ShiftHistograms.confidence(byGroup),
                ClassBalanceChart.of(Map.of("train", Map.of("GLIOMA", 10, "NO_TUMOR", 12)), "balance",
                        org.mriworkbench.chart.ChartStyle.notebook()),
                ImageGrid.builder().add(new FloatImage(4, 4, 1, new float[16]), "blank").build(),
                new FloatImage(8, 8, 1, new float[64]));
        for (Object chart : charts) {
            assertPng(chart);
        }
    }

    /**
     * Guards the future: any chart or picture type a public method of org.mriworkbench.chart returns must be one the
     * renderers draw (an IChart, an image, an ImageGrid), so a new chart class cannot again show as an identity.
     */
    @Test
    void everyChartTypeTheChartPackageReturnsHasAPictureRenderer() throws Exception {
        Path dir = Path.of(ChartExport.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/mriworkbench/chart");
        List<String> unrendered = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = "org.mriworkbench.chart." + f.getFileName().toString().replace(".class", "");
                Class<?> cls = Class.forName(name);
                if (!Modifier.isPublic(cls.getModifiers())) {
                    continue;
                }
                for (Method m : cls.getMethods()) {
                    Class<?> r = m.getReturnType();
                    boolean chartish = r.getName().startsWith("org.knowm.xchart") || r.getName().startsWith("java.awt.image")
                            || (r.getName().startsWith("org.mriworkbench.chart") && !r.getSimpleName().endsWith("Builder")
                            && !r.getSimpleName().equals("ChartStyle") && !r.getSimpleName().equals("Cell"));
                    boolean drawn = IChart.class.isAssignableFrom(r) || RenderedImage.class.isAssignableFrom(r)
                            || ImageGrid.class.isAssignableFrom(r);
                    if (chartish && !drawn && !r.isEnum() && !r.getName().contains("Styler")) {
                        unrendered.add(name + "." + m.getName() + " returns " + r.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), unrendered);
    }

    @Test
    void intervalsAndMetricValuesAreRoundedInOneCell() {
        BootstrapInterval b = new BootstrapInterval(0.82612, 0.80349, 0.84817, 0.95, 2000, 0, 7);
        assertEquals("0.826 [0.803, 0.848]", renderer.render(b).getData(MIMEType.TEXT_PLAIN));
        assertEquals("0.508", renderer.render(MetricValue.of(0.5083333333333333)).getData(MIMEType.TEXT_PLAIN));
        assertEquals("undefined (one class only)",
                renderer.render(MetricValue.undefined("one class only")).getData(MIMEType.TEXT_PLAIN));
        Map<String, BootstrapInterval> metrics = new LinkedHashMap<>();
        metrics.put("balanced accuracy", b);
        DisplayData d = renderer.render(metrics);
        String html = (String) d.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<th style=\"text-align:left\">balanced accuracy</th><td style=\"text-align:left\">"
                + "0.826 [0.803, 0.848]</td>"), html);
    }

    @Test
    void recordsRenderAsHtmlTablesWithRoundedNumbers() {
        PairedComparison p = new PairedComparison("McNemar", 0.5083333333333333, 0.42479166666666667,
                0.08354166666666663, 0.01, 0.157, 0.0123456, 240, "12 vs 4 discordant");
        DisplayData d = renderer.render(p);
        String html = (String) d.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<caption>PairedComparison</caption>"), html);
        assertTrue(html.contains(">estimateA</th><td style=\"text-align:left\">0.508</td>"), html);
        assertTrue(html.contains(">pValue</th><td style=\"text-align:left\">0.012</td>"), html);
        assertTrue(html.contains(">n</th><td style=\"text-align:left\">240</td>"), html);
        assertFalse(html.contains("0.5083333"), html);
        String text = (String) d.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.startsWith("PairedComparison\n  method: McNemar\n  estimateA: 0.508"), text);
        assertFalse(text.contains("PairedComparison["), "not the record's raw toString");
    }

    @Test
    void numbersKeepWhatAReaderNeeds() {
        assertEquals("0.826", ValueHtml.number(0.82612));
        assertEquals("0.000123", ValueHtml.number(0.000123456), "tiny values keep 3 significant digits");
        assertEquals("240", ValueHtml.number(240.0));
        assertEquals("1234.6", ValueHtml.number(1234.56));
        assertEquals("undefined", ValueHtml.number(Double.NaN));
    }

    @Test
    void aClassificationReportAndItsPerClassListRender() {
        int[] y = labels(200);
        ClassificationReport r = ClassificationReport.of(y, probs(scores(y)));
        String html = (String) renderer.render(r).getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains(">balancedAccuracy</th>"), html);
        assertTrue(html.contains("list of 2"), "nested records are summarised: " + html);
        assertNoIdentity(renderer.render(r));
        String perClass = (String) renderer.render(r.perClass()).getData(MIMEType.TEXT_HTML);
        assertTrue(perClass.contains("<caption>2 \u00d7 ClassMetrics</caption>"), perClass);
        assertTrue(perClass.contains("<th>precision</th>"), perClass);
    }

    @Test
    void tableFractionsAreRoundedAndMissingCellsEmpty() {
        Table t = Table.create("runs", StringColumn.create("run", "a", "b"),
                DoubleColumn.create("balanced_accuracy", 0.4398882802340126, Double.NaN));
        String html = (String) renderer.render(t).getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<td>a</td><td>0.440</td>"), html);
        assertTrue(html.contains("<td>b</td><td></td>"), html);
        String text = (String) renderer.render(t).getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("0.440") && !text.contains("0.43988"), text);
        assertEquals(0.4398882802340126, t.doubleColumn("balanced_accuracy").get(0), "the user's table is untouched");
    }

    @Test
    void printfAsALastExpressionShowsNothingButItsOutput() {
        CellEvaluator.CellResult r = eval.eval("System.out.printf(\"%d%n\", 3)", 1);
        assertTrue(r.hasValue(), "JShell sees a PrintStream value");
        assertTrue(DisplayRenderers.showsNothing(r.value()), "and the kernel shows none");
        assertFalse(DisplayRenderers.showsNothing(3));
        assertFalse(DisplayRenderers.showsNothing("text"));
    }

    @Test
    void anObjectWithoutAViewShowsItsClassNotItsIdentity() {
        DisplayData d = renderer.render(new Object() { });
        assertNoIdentity(d);
        assertTrue(((String) d.getData(MIMEType.TEXT_PLAIN)).contains("no notebook view"));
        assertEquals("[1, 2]", renderer.render(List.of(1, 2)).getData(MIMEType.TEXT_PLAIN), "toString kept");
        assertEquals("42", renderer.render(42).getData(MIMEType.TEXT_PLAIN));
        assertNull(renderer.render(List.of(1, 2)).getData(MIMEType.TEXT_HTML), "a plain list stays text");
    }
}
