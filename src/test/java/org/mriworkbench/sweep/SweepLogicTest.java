package org.mriworkbench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.eval.McNemar;
import org.mriworkbench.eval.PairedComparison;
import org.mriworkbench.experiment.ExperimentRunner;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.train.Json;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.mriworkbench.experiment.RunFolder;

/**
 * The sweep's own logic with a stand-in executor (no training): ranking in the metric's direction, McNemar against
 * the best, minute and stop limits, the state it keeps, and refusing another spec in the same folder.
 */
class SweepLogicTest {

    @TempDir
    Path dir;

    /** Scores each trial at an accuracy set by its augmentStrength factor, on the same 200 validation images. */
    final class FakeExecutor implements TrialExecutor {
        final List<Integer> ran = new ArrayList<>();

        @Override
        public TrialOutcome run(Trial t) throws IOException {
            ran.add(t.index());
            double strength = t.config().augmentStrength();
            double accuracy = 0.9 - 0.3 * strength; // 0 -> 0.9, 0.5 -> 0.75, 1 -> 0.6
            int n = 200;
            int[] labels = new int[n];
            double[][] probs = new double[n][];
            SplittableRandom rng = new SplittableRandom(t.index());
            for (int i = 0; i < n; i++) {
                labels[i] = i % 4;
                boolean right = i < Math.round(accuracy * n);
                int pred = right ? labels[i] : (labels[i] + 1) % 4;
                probs[i] = new double[4];
                double top = 0.5 + 0.4 * rng.nextDouble();
                for (int c = 0; c < 4; c++) {
                    probs[i][c] = c == pred ? top : (1 - top) / 3;
                }
            }
            return FabricatedOutcome.of(dir.resolve("runs"), t, labels, probs, 40);
        }
    }

    private SweepSpec spec() {
        return SweepSpec.of("logic", SweepSpecTest.base()).withFactor("augmentStrength", 0.5, 1.0, 0.0);
    }

    private TrialData data() {
        return TrialData.of(dir.resolve("data"), dir.resolve("cache"), dir.resolve("runs"));
    }

    @Test
    void ranksByTheMetricComparesWithTheBestAndWritesTableAndCharts() throws Exception {
        FakeExecutor ex = new FakeExecutor();
        Path out = dir.resolve("sweep");
        SweepResult r = Sweep.of(spec(), data(), out).withExecutor(ex).run();
        assertTrue(r.complete());
        assertEquals(List.of(0, 1, 2), ex.ran);
        assertEquals(List.of("logic-t03", "logic-t01", "logic-t02"), r.ranked().stream().map(TrialOutcome::name)
                .toList());
        Table t = r.table();
        assertEquals(3, t.rowCount());
        assertEquals("logic-t03", t.stringColumn("trial").get(0));
        assertEquals("0.0", t.stringColumn("augmentStrength").get(0));
        double[] bal = t.doubleColumn("balancedAccuracy").asDoubleArray();
        assertTrue(bal[0] >= bal[1] && bal[1] >= bal[2]);

        Map<String, PairedComparison> cmp = r.comparisons();
        assertEquals(1.0, cmp.get("logic-t03").pValue());
        assertEquals(0.0, cmp.get("logic-t03").difference());
        Predictions best = Predictions.read(new RunFolder(out.getParent().resolve("runs/logic-t03"))
                .validationPredictions());
        Predictions worst = Predictions.read(new RunFolder(out.getParent().resolve("runs/logic-t02"))
                .validationPredictions());
        PairedComparison direct = McNemar.compare(best.labels(), worst.probabilities(), best.probabilities());
        assertEquals(direct, cmp.get("logic-t02"));
        assertEquals(-0.3, direct.difference(), 1e-9);
        assertTrue(direct.pValue() < 1e-6);
        assertEquals(direct.pValue(), t.doubleColumn("mcnemarP").get(2));

        assertEquals(List.of("augmentStrength"), r.mainFactors());
        assertEquals(0.3, r.factorEffects().doubleColumn("spread").get(0), 1e-9);
        assertTrue(Files.size(out.resolve(SweepResult.TABLE_FILE)) > 0);
        assertTrue(Files.size(out.resolve(SweepResult.chartFile("augmentStrength"))) > 0);
        assertTrue(r.summary().contains("best: logic-t03"), r.summary());

        // Lower is better for log loss: the same trials rank the other way round on it only if its values say so.
        SweepResult byLoss = new SweepResult(spec().withMetric(SweepMetric.LOG_LOSS), r.trials(), r.outcomes(), null);
        double[] losses = byLoss.ranked().stream().mapToDouble(o -> o.value(SweepMetric.LOG_LOSS)).toArray();
        assertTrue(losses[0] <= losses[1] && losses[1] <= losses[2]);
    }

    @Test
    void minuteBudgetCountsRecordedTimeAndMarksTheRest() throws Exception {
        FakeExecutor ex = new FakeExecutor();
        Path out = dir.resolve("budget");
        SweepResult r = Sweep.of(spec().withBudget(new SweepSpec.Budget(0, 1.0)), data(), out).withExecutor(ex).run();
        // 40 s per trial: after two trials 80 s >= 60 s, so the third never starts.
        assertEquals(List.of(0, 1), ex.ran);
        assertEquals(2, r.outcomes().size());
        JsonNode state = Json.mapper().readTree(out.resolve(Sweep.TRIALS_FILE).toFile());
        assertEquals(List.of("DONE", "DONE", "OVER_BUDGET"), statuses(state));
        assertTrue(state.get(0).has("outcome") && !state.get(2).has("outcome"));
    }

    @Test
    void stopsBetweenTrialsKeepsStateAndRefusesAnotherSpecInTheSameFolder() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Path out = dir.resolve("stop");
        SweepResult first = Sweep.of(spec(), data(), out).withExecutor(new FakeExecutor())
                .withStopSignal(stop::get).onTrial(o -> stop.set(true)).run();
        assertFalse(first.complete());
        assertTrue(first.ended().contains("stopped before trial 2"), first.ended());
        assertEquals(List.of("DONE", "PENDING", "PENDING"),
                statuses(Json.mapper().readTree(out.resolve(Sweep.TRIALS_FILE).toFile())));

        // The folder knows its sweep: resume() reads it back, and a different spec is refused.
        Sweep again = Sweep.resume(out);
        assertEquals(spec(), again.spec());
        assertEquals(Sweep.of(spec(), data(), out).trials(), again.trials());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Sweep.of(
                spec().withFactor("model.dropout", 0.1, 0.2), data(), out).withExecutor(new FakeExecutor()).run());
        assertTrue(e.getMessage().contains("holds another sweep"), e.getMessage());
        SweepResult rest = again.withExecutor(new FakeExecutor()).run();
        assertTrue(rest.complete());
    }

    private static List<String> statuses(JsonNode state) {
        List<String> s = new ArrayList<>();
        state.forEach(n -> s.add(n.get("status").asText()));
        return s;
    }
}
