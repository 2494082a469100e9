package org.mriworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares every metric scikit-learn also computes against scikit-learn itself, on seeded data with many tied
 * scores. Needs Debian's /usr/bin/python3 with python3-sklearn; skipped when absent unless the system property
 * {@code mri.requireOracle=true} (set in CI), in which case a missing oracle fails the build.
 */
class SklearnOracleTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final double TOL = 1e-9;
    private static final Map<String, TestData> DATA = new LinkedHashMap<>();
    private static JsonNode oracle;

    @TempDir
    static Path dir;

    @BeforeAll
    static void runOracle() throws Exception {
        DATA.put("binary_ties.csv", TestData.binary(11, 300, 0.4, 1));
        DATA.put("binary_rare.csv", TestData.binary(12, 80, 0.1, 2));
        DATA.put("four_class.csv", TestData.grid(13, 400, 4, -1));
        DATA.put("four_class_unpredicted.csv", TestData.grid(14, 60, 4, 3));
        DATA.put("three_class.csv", TestData.grid(15, 120, 3, -1));
        List<String> cmd = new java.util.ArrayList<>(List.of(PYTHON, script().toString()));
        for (Map.Entry<String, TestData> e : DATA.entrySet()) {
            Path csv = dir.resolve(e.getKey());
            e.getValue().writeCsv(csv);
            cmd.add(csv.toString());
        }
        if (!Files.isExecutable(Path.of(PYTHON))) {
            unavailable(PYTHON + " not found");
        }
        Process proc = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).start();
        byte[] out = proc.getInputStream().readAllBytes();
        if (!proc.waitFor(120, TimeUnit.SECONDS)) {
            proc.destroyForcibly();
            fail("oracle timed out");
        }
        String err = Files.readString(dir.resolve("stderr.txt"));
        if (proc.exitValue() != 0) {
            if (err.contains("No module named")) {
                unavailable("scikit-learn not importable: " + err.strip());
            }
            fail("oracle failed: " + err);
        }
        oracle = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build()
                .readTree(new String(out, StandardCharsets.UTF_8));
    }

    private static void unavailable(String why) {
        if (Boolean.getBoolean("mri.requireOracle")) {
            fail("mri.requireOracle=true but the sklearn oracle is unavailable: " + why);
        }
        Assumptions.abort("sklearn oracle unavailable: " + why);
    }

    private static Path script() throws IOException {
        Path target = dir.resolve("sklearn_metrics.py");
        try (InputStream in = SklearnOracleTest.class.getResourceAsStream("/oracle/sklearn_metrics.py")) {
            Files.copy(in, target);
        }
        return target;
    }

    @Test
    void summaryMetricsMatch() {
        DATA.forEach((name, d) -> {
            JsonNode o = oracle.get(name);
            ConfusionMatrix cm = ConfusionMatrix.fromProbabilities(d.labels(), d.probs());
            assertEquals(o.get("accuracy").asDouble(), ClassificationMetrics.accuracy(cm), TOL, name);
            assertEquals(o.get("balanced_accuracy").asDouble(), ClassificationMetrics.balancedAccuracy(cm), TOL, name);
            assertEquals(o.get("f1_macro").asDouble(), ClassificationMetrics.macroF1(cm), TOL, name);
            assertEquals(o.get("f1_weighted").asDouble(), ClassificationMetrics.weightedF1(cm), TOL, name);
            assertEquals(o.get("cohen_kappa").asDouble(), ClassificationMetrics.cohenKappa(cm).value(), TOL, name);
            assertEquals(o.get("log_loss").asDouble(), ScoringRules.logLoss(d.labels(), d.probs()), TOL, name);
            assertEquals(o.get("numpy_multiclass_brier").asDouble(),
                    ScoringRules.multiclassBrier(d.labels(), d.probs()), TOL, name);
            int[][] counts = cm.counts();
            for (int t = 0; t < cm.k(); t++) {
                for (int p = 0; p < cm.k(); p++) {
                    assertEquals(o.get("confusion_matrix").get(t).get(p).asInt(), counts[t][p], name);
                }
            }
        });
    }

    @Test
    void perClassMetricsMatchWithNanWhereSklearnSaysZeroDivision() {
        DATA.forEach((name, d) -> {
            JsonNode o = oracle.get(name);
            ConfusionMatrix cm = ConfusionMatrix.fromProbabilities(d.labels(), d.probs());
            for (ClassMetrics c : ClassificationMetrics.perClass(cm)) {
                int i = c.classIndex();
                assertEquals(o.get("support").get(i).asLong(), c.support(), name);
                assertEquals(o.get("recall").get(i).asDouble(), c.recall(), TOL, name);
                if (cm.predictedCount(i) == 0) {
                    assertTrue(Double.isNaN(c.precision()), name + " precision of never-predicted class");
                    assertEquals(0.0, o.get("precision").get(i).asDouble(), name);
                } else {
                    assertEquals(o.get("precision").get(i).asDouble(), c.precision(), TOL, name);
                }
                assertEquals(o.get("f1").get(i).asDouble(), c.f1(), TOL, name);
            }
        });
        assertTrue(ConfusionMatrix.fromProbabilities(DATA.get("four_class_unpredicted.csv").labels(),
                DATA.get("four_class_unpredicted.csv").probs()).predictedCount(3) == 0, "fixture exercises NaN path");
    }

    @Test
    void binaryCurvesMatch() {
        for (String name : List.of("binary_ties.csv", "binary_rare.csv")) {
            TestData d = DATA.get(name);
            int[] y = d.labels();
            double[] s = Ranking.column(d.probs(), 1);
            assertCurvesMatch(name, oracle.get(name).get("binary"), y, s);
            assertEquals(oracle.get(name).get("binary").get("roc_auc").asDouble(),
                    Ranking.macroAuc(d.labels(), d.probs()).value(), TOL, name);
        }
    }

    @Test
    void multiclassRankingMatches() {
        for (String name : List.of("four_class.csv", "four_class_unpredicted.csv", "three_class.csv")) {
            TestData d = DATA.get(name);
            JsonNode o = oracle.get(name);
            assertEquals(o.get("roc_auc_ovr_macro").asDouble(), Ranking.macroAuc(d.labels(), d.probs()).value(),
                    TOL, name);
            List<MetricValue> ovr = Ranking.oneVsRestAuc(d.labels(), d.probs());
            for (int c = 0; c < ovr.size(); c++) {
                assertEquals(o.get("ovr_auc").get(c).asDouble(), ovr.get(c).value(), TOL, name);
                assertEquals(o.get("ovr_average_precision").get(c).asDouble(),
                        Ranking.averagePrecision(d.labels(), d.probs(), c).value(), TOL, name);
            }
        }
    }

    @Test
    void tumourDetectionViewMatches() {
        for (String name : List.of("four_class.csv", "four_class_unpredicted.csv")) {
            TestData d = DATA.get(name);
            int[] y = TumourDetection.tumourLabels(d.labels());
            double[] s = TumourDetection.tumourScores(d.probs());
            JsonNode o = oracle.get(name).get("tumour");
            assertCurvesMatch(name + " tumour", o, y, s);
            assertEquals(o.get("roc_auc").asDouble(), TumourDetection.auc(d.labels(), d.probs()).value(), TOL);
        }
    }

    private static void assertCurvesMatch(String name, JsonNode o, int[] y, double[] s) {
        assertEquals(o.get("roc_auc").asDouble(), Ranking.rocAuc(y, s).value(), TOL, name);
        assertEquals(o.get("average_precision").asDouble(), Ranking.averagePrecision(y, s).value(), TOL, name);
        assertEquals(o.get("brier").asDouble(), ScoringRules.brierScore(y, s), TOL, name);
        RocCurve roc = Ranking.rocCurve(y, s);
        assertArrayEquals(doubles(o.get("roc_fpr"), 0), roc.fpr(), TOL, name);
        assertArrayEquals(doubles(o.get("roc_tpr"), 0), roc.tpr(), TOL, name);
        // sklearn 1.2 puts max + 1 where this workbench (and sklearn >= 1.3) puts +infinity.
        assertEquals(Double.POSITIVE_INFINITY, roc.thresholds()[0]);
        double[] thr = roc.thresholds();
        assertArrayEquals(doubles(o.get("roc_thresholds"), 1),
                java.util.Arrays.copyOfRange(thr, 1, thr.length), 0.0, name);
        // sklearn's PR arrays run in increasing threshold order and end with a synthetic (P=1, R=0) point.
        PrecisionRecallCurve pr = Ranking.precisionRecallCurve(y, s);
        assertArrayEquals(reversedWithoutLast(o.get("pr_precision")), pr.precision(), TOL, name);
        assertArrayEquals(reversedWithoutLast(o.get("pr_recall")), pr.recall(), TOL, name);
        double[] pthr = doubles(o.get("pr_thresholds"), 0);
        double[] expected = new double[pthr.length];
        for (int i = 0; i < pthr.length; i++) {
            expected[i] = pthr[pthr.length - 1 - i];
        }
        assertArrayEquals(expected, pr.thresholds(), 0.0, name);
    }

    private static double[] doubles(JsonNode array, int skip) {
        double[] out = new double[array.size() - skip];
        for (int i = skip; i < array.size(); i++) {
            out[i - skip] = array.get(i).asDouble();
        }
        return out;
    }

    private static double[] reversedWithoutLast(JsonNode array) {
        double[] out = new double[array.size() - 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(out.length - 1 - i).asDouble();
        }
        return out;
    }
}
