package org.mriworkbench.reproduce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.data.Task;
import org.mriworkbench.eval.Bootstrap;
import org.mriworkbench.eval.BootstrapInterval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.experiment.RunFolder;

/** The pure pieces of {@code reproduce}, without training: the summary over seeds, the closeness split, the pairs. */
class ReproductionPiecesTest {

    @TempDir
    Path dir;

    private static BootstrapInterval at(double v) {
        return new BootstrapInterval(v, v - 0.01, v + 0.01, 0.95, 100, 0, 7);
    }

    @Test
    void seedSummaryIsTheMeanAndSampleStandardDeviation() {
        SeedSummary s = SeedSummary.of("accuracy", List.of(42L, 43L, 44L), List.of(at(0.90), at(0.94), at(0.92)));
        assertEquals(0.92, s.mean(), 1e-12);
        assertEquals(0.02, s.sd(), 1e-12); // sqrt((0.02² + 0.02² + 0) / 2)
        assertEquals("0.9200 ± 0.0200", s.meanSd());
        assertTrue(s.everySeedAtLeast(0.90));
        assertFalse(s.everySeedAtLeast(0.91));
        // One seed: no standard deviation, and the text says so instead of printing 0.
        SeedSummary one = SeedSummary.of("accuracy", List.of(42L), List.of(at(0.9)));
        assertTrue(Double.isNaN(one.sd()));
        assertEquals("0.9000 (one seed)", one.meanSd());
        // A seed without the metric is left out of mean and sd but keeps its column, and fails a per-seed bar.
        List<BootstrapInterval> withGap = Arrays.asList(at(0.8), null, at(0.9));
        SeedSummary gap = SeedSummary.of("m", List.of(1L, 2L, 3L), withGap);
        assertEquals(0.85, gap.mean(), 1e-12);
        assertEquals(3, gap.perSeed().size());
        assertFalse(gap.everySeedAtLeast(0.5));
        assertThrows(IllegalArgumentException.class, () -> SeedSummary.of("m", List.of(1L), List.of()));
    }

    @Test
    void closenessSplitsAtTheThresholdAndScoresEachPart() {
        // Six images: the three close ones (r >= 0.95, one exactly at it) all right, the far ones one of three right.
        List<String> ids = List.of("a", "b", "c", "d", "e", "f");
        int[] y = {0, 1, 2, 3, 0, 1};
        double[][] p = new double[6][];
        for (int i = 0; i < 6; i++) {
            p[i] = new double[4];
            p[i][i < 4 ? y[i] : (y[i] + 1) % 4] = 1.0; // d is right too; e and f wrong
        }
        Predictions test = Predictions.of(Task.FOUR_CLASS.classNames(), ids, y, p);
        Map<String, Double> nearest = new HashMap<>(Map.of("a", 0.99, "b", 0.95, "c", 0.97, "d", 0.949, "e", 0.5));
        // f has no entry: counted as far.
        ClosenessSplit c = ClosenessSplit.of(test, nearest, 0.95, Map.of(), Bootstrap.withSeed(3).withResamples(200));
        assertEquals(3, c.closeImages());
        assertEquals(3, c.farImages());
        assertEquals(1.0, c.closeAccuracy().estimate(), 1e-12);
        assertEquals(1.0 / 3, c.farAccuracy().estimate(), 1e-12);
        assertTrue(c.farAccuracy().lower() <= 1.0 / 3 && c.farAccuracy().upper() >= 1.0 / 3);
        // Clusters: a, b and c one cluster makes the close part a single draw, so its interval collapses.
        ClosenessSplit clustered = ClosenessSplit.of(test, nearest, 0.95, Map.of("a", 1, "b", 1, "c", 1),
                Bootstrap.withSeed(3).withResamples(200));
        assertEquals(1.0, clustered.closeAccuracy().lower(), 1e-12);
        // Nothing close: no interval rather than a made-up one.
        ClosenessSplit none = ClosenessSplit.of(test, Map.of(), 0.95, Map.of(), Bootstrap.withSeed(3));
        assertEquals(0, none.closeImages());
        assertNull(none.closeAccuracy());
    }

    @Test
    void pairsCompareSeedsOnFourClassesAndTheBaselineOnTumourDetection() throws Exception {
        List<String> ids = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        int[] y = {0, 1, 2, 3, 0, 1, 2, 3}; // glioma, meningioma, no tumour, pituitary
        double[][] good = new double[8][4];
        double[][] worse = new double[8][4];
        for (int i = 0; i < 8; i++) {
            good[i][y[i]] = 0.9;
            good[i][(y[i] + 1) % 4] = 0.1;
            worse[i][i < 4 ? y[i] : (y[i] + 1) % 4] = 0.8;
            worse[i][i < 4 ? (y[i] + 1) % 4 : y[i]] = 0.2;
        }
        Path a = run("a", Predictions.of(Task.FOUR_CLASS.classNames(), ids, y, good));
        // Run b predicted the same images in another order: pairs are matched by image, not by row.
        int[] order = {7, 6, 5, 4, 3, 2, 1, 0};
        Path b = run("b", Predictions.of(Task.FOUR_CLASS.classNames(), reorder(ids, order), reorder(y, order),
                reorder(worse, order)));
        int[] yb = new int[8];
        double[][] pb = new double[8][];
        for (int i = 0; i < 8; i++) {
            yb[i] = y[i] == 2 ? 0 : 1;
            pb[i] = yb[i] == 1 ? new double[] {0.3, 0.7} : new double[] {0.6, 0.4};
        }
        Path bin = run("bin", Predictions.of(Task.BINARY.classNames(), ids, yb, pb));
        List<ReferencePair> pairs = ReferencePair.compute(List.of(new ReferencePair.Run("A", a),
                new ReferencePair.Run("B", b)), new ReferencePair.Run("BIN", bin));
        assertEquals(4, pairs.size());
        assertEquals("four-class accuracy (McNemar)", pairs.get(0).comparison());
        assertEquals(1.0, pairs.get(0).result().estimateA(), 1e-12);
        assertEquals(0.5, pairs.get(0).result().estimateB(), 1e-12);
        assertEquals("tumour AUC (DeLong)", pairs.get(1).comparison());
        assertEquals("BIN", pairs.get(2).runB());
        assertEquals(1.0, pairs.get(2).result().estimateA(), 1e-12); // A calls every tumour right
        assertEquals(1.0, pairs.get(2).result().estimateB(), 1e-12);
        assertEquals(1.0, pairs.get(3).result().estimateA(), 1e-12);
        // Runs on other test images cannot be paired: the error names the run.
        Path other = run("other", Predictions.of(Task.FOUR_CLASS.classNames(), List.of("x"), new int[] {0},
                new double[][] {{1, 0, 0, 0}}));
        Exception e = assertThrows(java.io.IOException.class, () -> ReferencePair.compute(
                List.of(new ReferencePair.Run("A", a), new ReferencePair.Run("O", other)), null));
        assertTrue(e.getMessage().contains(other.toString()), e.getMessage());
    }

    private Path run(String name, Predictions p) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        p.write(new RunFolder(d).predictions());
        return d;
    }

    private static <T> List<T> reorder(List<T> l, int[] o) {
        return Arrays.stream(o).mapToObj(l::get).toList();
    }

    private static int[] reorder(int[] l, int[] o) {
        return Arrays.stream(o).map(i -> l[i]).toArray();
    }

    private static double[][] reorder(double[][] l, int[] o) {
        return Arrays.stream(o).mapToObj(i -> l[i]).toArray(double[][]::new);
    }
}
