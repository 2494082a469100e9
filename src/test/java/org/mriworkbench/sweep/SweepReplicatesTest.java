package org.mriworkbench.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.eval.McNemar;
import org.mriworkbench.eval.PairedComparison;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.experiment.RunFolder;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replicate seeds with a stand-in executor (no training): trials that differ only in seed form one configuration,
 * ranked by the mean over its seeds, with McNemar summed over shared seeds, and {@code best()} follows the mean even
 * when another configuration holds the best single trial. A spec without a seed factor keeps the trial ranking.
 */
class SweepReplicatesTest {

    @TempDir
    Path dir;

    static final int N = 200;

    /**
     * Accuracy per (augmentStrength, seed), on the same 200 validation images. Strength 0.5 has the best single
     * trial (0.90 at seed 7) but the worse mean (0.75); strength 0.0 has the best mean (0.81).
     */
    static double accuracy(double strength, long seed) {
        if (strength == 0.5) {
            return seed == 7 ? 0.90 : 0.60;
        }
        if (strength == 0.0) {
            return seed == 7 ? 0.80 : 0.82;
        }
        return seed == 7 ? 0.70 : 0.65;
    }

    /** Image i is right when (i + offset) mod N falls below the number right; offsets differ by trial. */
    final class FakeExecutor implements TrialExecutor {
        @Override
        public TrialOutcome run(Trial t) throws IOException {
            double strength = t.config().augmentStrength();
            int right = (int) Math.round(accuracy(strength, t.seed()) * N);
            int offset = (int) (13 * t.seed() + Math.round(40 * strength));
            int[] labels = new int[N];
            double[][] probs = new double[N][];
            for (int i = 0; i < N; i++) {
                labels[i] = i % 4;
                int pred = (i + offset) % N < right ? labels[i] : (labels[i] + 1) % 4;
                probs[i] = new double[4];
                for (int c = 0; c < 4; c++) {
                    probs[i][c] = c == pred ? 0.7 : 0.1;
                }
            }
            return FabricatedOutcome.of(dir.resolve("runs"), t, labels, probs, 40);
        }
    }

    private TrialData data() {
        return TrialData.of(dir.resolve("data"), dir.resolve("cache"), dir.resolve("runs"));
    }

    /**
     * Seed first: trials t01 (7, 0.5), t02 (7, 0.0), t03 (7, 1.0), t04 (5, 0.5), t05 (5, 0.0); the budget of 5 leaves
     * (5, 1.0) unfinished, so strength 1.0 has one finished seed.
     */
    private SweepResult replicated() throws IOException {
        SweepSpec spec = SweepSpec.of("reps", SweepSpecTest.base()).withFactor("seed", 7, 5)
                .withFactor("augmentStrength", 0.5, 0.0, 1.0).withBudget(new SweepSpec.Budget(5, 0))
                .withMetric(SweepMetric.ACCURACY);
        return Sweep.of(spec, data(), dir.resolve("sweep")).withExecutor(new FakeExecutor()).run();
    }

    @Test
    void groupsTrialsThatDifferOnlyInSeedAndRanksThemByTheMean() throws Exception {
        SweepResult r = replicated();
        assertTrue(r.replicated());
        Table c = r.configurations();
        assertEquals(3, c.rowCount());
        assertFalse(c.columnNames().contains("seed"), c.columnNames().toString());
        assertEquals(List.of("0.0", "0.5", "1.0"), c.stringColumn("augmentStrength").asList());
        assertEquals(List.of("reps-t02 reps-t05", "reps-t01 reps-t04", "reps-t03"), c.stringColumn("trials").asList());
        assertEquals(List.of(2, 2, 1), c.intColumn("seeds").asList());
        assertEquals(0.81, c.doubleColumn("accuracyMean").get(0), 1e-12);
        assertEquals(0.75, c.doubleColumn("accuracyMean").get(1), 1e-12);
        assertEquals(0.70, c.doubleColumn("accuracyMean").get(2), 1e-12);
        // Sample sd (n - 1): two seeds 0.02 apart give 0.02 / sqrt(2); one seed has none.
        assertEquals(0.02 / Math.sqrt(2), c.doubleColumn("accuracySd").get(0), 1e-12);
        assertEquals(0.30 / Math.sqrt(2), c.doubleColumn("accuracySd").get(1), 1e-12);
        assertTrue(c.doubleColumn("accuracySd").isMissing(2), "one seed has no sd");
        assertEquals(List.of(2, 2, 1), c.intColumn("pairedSeeds").asList());
        assertEquals(1.0, c.doubleColumn("mcnemarP").get(0));
    }

    @Test
    void theBestMeanWinsOverTheBestSingleTrialAndBestIsItsFirstSeed() throws Exception {
        SweepResult r = replicated();
        // Per trial, strength 0.5 at seed 7 (0.90) is first; ranked() and comparisons() keep that meaning.
        assertEquals("reps-t01", r.ranked().get(0).name());
        assertEquals(1.0, r.comparisons().get("reps-t01").pValue());
        assertEquals("reps-t01", r.table().stringColumn("trial").get(0));
        // By mean, strength 0.0 wins; best() is its trial with the first seed in spec order (7), not its better
        // seed (5, 0.82).
        TrialOutcome best = r.best().orElseThrow();
        assertEquals("reps-t02", best.name());
        assertEquals(Map.of("seed", "7", "augmentStrength", "0.0"), r.trial(best).factors());
        String summary = r.summary();
        System.out.println(summary);
        assertTrue(summary.contains("best: reps-t02"), summary);
        assertTrue(summary.contains("configurations ranked by mean validation accuracy over seeds"), summary);
        r.write(dir.resolve("out"));
        Table csv = Table.read().csv(dir.resolve("out").resolve(SweepResult.CONFIGURATIONS_FILE).toFile());
        assertEquals(3, csv.rowCount());
        assertTrue(Files.size(dir.resolve("out").resolve(SweepResult.TABLE_FILE)) > 0);
    }

    @Test
    void pooledMcNemarIsMcNemarOnTheHandSummedCounts() throws Exception {
        SweepResult r = replicated();
        // Strength 0.5 (A) against the best, 0.0 (B), summed over seeds 7 (t01 vs t02) and 5 (t04 vs t05).
        int b = 0;
        int c = 0;
        List<Double> singleSeedP = new ArrayList<>();
        for (String[] pair : new String[][] {{"reps-t01", "reps-t02"}, {"reps-t04", "reps-t05"}}) {
            boolean[] a = correct(pair[0]);
            boolean[] best = correct(pair[1]);
            int bs = 0;
            int cs = 0;
            for (int i = 0; i < N; i++) {
                bs += a[i] && !best[i] ? 1 : 0;
                cs += !a[i] && best[i] ? 1 : 0;
            }
            b += bs;
            c += cs;
            singleSeedP.add(McNemar.pValue(bs, cs));
        }
        assertTrue(b > 0 && c > 0, "b=" + b + " c=" + c);
        Table t = r.configurations();
        assertEquals("0.5", t.stringColumn("augmentStrength").get(1));
        double pooled = t.doubleColumn("mcnemarP").get(1);
        assertEquals(McNemar.pValue(b, c), pooled, 0.0);
        assertEquals((b - c) / (2.0 * N), t.doubleColumn("accuracyDiffVsBest").get(1), 1e-12);
        assertEquals(-0.06, t.doubleColumn("accuracyDiffVsBest").get(1), 1e-12);
        for (double p : singleSeedP) {
            assertNotEquals(p, pooled, "the pooled test must differ from either seed's own");
        }
        // Strength 1.0 shares only seed 7 with the best: its test is that one pair's.
        PairedComparison one = McNemar.compare(correct("reps-t03"), correct("reps-t02"));
        assertEquals(one.pValue(), t.doubleColumn("mcnemarP").get(2), 0.0);
        assertEquals(one.difference(), t.doubleColumn("accuracyDiffVsBest").get(2), 1e-12);
    }

    @Test
    void inARandomSweepBestTakesTheFirstSeedInSpecOrderNotInTrialOrder() throws Exception {
        // All six (seed, strength) points in a random order; strength 0.0 has the best mean (0.80, 0.82, 0.82).
        // The first draw seed whose order does not put seed 7 first among strength 0.0's trials (checked below).
        SweepSpec spec = null;
        for (long drawSeed = 1; spec == null; drawSeed++) {
            SweepSpec s = SweepSpec.of("draw", SweepSpecTest.base()).withFactor("seed", 7, 5, 6)
                    .withFactor("augmentStrength", 0.5, 0.0).withRandom(6, drawSeed).withMetric(SweepMetric.ACCURACY);
            Trial first = Sweep.of(s, data(), dir.resolve("draw")).trials().stream()
                    .filter(t -> t.factors().get("augmentStrength").equals("0.0")).findFirst().orElseThrow();
            spec = first.factors().get("seed").equals("7") ? null : s;
        }
        SweepResult r = Sweep.of(spec, data(), dir.resolve("draw")).withExecutor(new FakeExecutor()).run();
        assertEquals(6, r.outcomes().size());
        List<Trial> zero = r.trials().stream().filter(t -> t.factors().get("augmentStrength").equals("0.0")).toList();
        assertEquals(3, zero.size());
        List<String> seedsInTrialOrder = zero.stream().map(t -> t.factors().get("seed")).toList();
        assertNotEquals("7", seedsInTrialOrder.get(0), "this draw must not put seed 7 first, or the test shows nothing");
        TrialOutcome best = r.best().orElseThrow();
        assertEquals(Map.of("seed", "7", "augmentStrength", "0.0"), r.trial(best).factors());
        Table c = r.configurations();
        assertEquals(List.of("0.0", "0.5"), c.stringColumn("augmentStrength").asList());
        assertEquals(List.of(3, 3), c.intColumn("seeds").asList());
        assertEquals((0.80 + 0.82 + 0.82) / 3, c.doubleColumn("accuracyMean").get(0), 1e-12);
        assertTrue(c.stringColumn("trials").get(0).startsWith(best.name() + " "), c.stringColumn("trials").get(0));
    }

    @Test
    void withoutASeedFactorEveryTrialIsItsOwnConfigurationAndNothingChanges() throws Exception {
        SweepSpec spec = SweepSpec.of("plain", SweepSpecTest.base()).withFactor("augmentStrength", 0.5, 1.0, 0.0)
                .withMetric(SweepMetric.ACCURACY);
        SweepResult r = Sweep.of(spec, data(), dir.resolve("plain")).withExecutor(new FakeExecutor()).run();
        assertFalse(r.replicated());
        Table trials = r.table();
        Table c = r.configurations();
        assertEquals(trials.rowCount(), c.rowCount());
        assertEquals(trials.stringColumn("trial").asList(), c.stringColumn("trials").asList());
        assertEquals(trials.stringColumn("augmentStrength").asList(), c.stringColumn("augmentStrength").asList());
        assertEquals(trials.doubleColumn("accuracy").asList(), c.doubleColumn("accuracyMean").asList());
        assertEquals(trials.doubleColumn("mcnemarP").asList(), c.doubleColumn("mcnemarP").asList());
        assertEquals(trials.doubleColumn("accuracyDiffVsBest").asList(),
                c.doubleColumn("accuracyDiffVsBest").asList());
        assertEquals(List.of(1, 1, 1), c.intColumn("seeds").asList());
        assertEquals(r.ranked().get(0), r.best().orElseThrow());
        assertEquals("plain-t03", r.best().orElseThrow().name());
        assertFalse(r.summary().contains("seed is a factor"), r.summary());
        assertTrue(Files.size(dir.resolve("plain").resolve(SweepResult.CONFIGURATIONS_FILE)) > 0);
    }

    private boolean[] correct(String trial) throws IOException {
        Predictions p = Predictions.read(new RunFolder(dir.resolve("runs").resolve(trial)).validationPredictions());
        boolean[] out = new boolean[p.size()];
        for (int i = 0; i < out.length; i++) {
            double[] row = p.probabilities()[i];
            int arg = 0;
            for (int k = 1; k < row.length; k++) {
                arg = row[k] > row[arg] ? k : arg;
            }
            out[i] = arg == p.labels()[i];
        }
        return out;
    }
}
