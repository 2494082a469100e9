package org.mriworkbench.runeval;

import org.mriworkbench.eval.Bootstrap;
import org.mriworkbench.eval.DeLong;
import org.mriworkbench.eval.McNemar;
import org.mriworkbench.eval.Metrics;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.eval.Ranking;
import org.mriworkbench.eval.TumourDetection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The paired comparison of two runs is the same test {@code compare} and the notebooks made by hand before: DeLong on
 * the tumour view, McNemar on accuracy only when both runs have the same classes, and a refusal when the runs were
 * tested on different images.
 */
class RunComparisonTest {

    private static final List<String> FOUR = List.of("GLIOMA", "MENINGIOMA", "NO_TUMOR", "PITUITARY");
    private static final List<String> TWO = List.of("NO_TUMOR", "TUMOR");

    private static Predictions random(List<String> classes, List<String> ids, int[] labels, long seed, double skill) {
        SplittableRandom rng = new SplittableRandom(seed);
        int k = classes.size();
        double[][] p = new double[labels.length][k];
        for (int i = 0; i < labels.length; i++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                p[i][c] = rng.nextDouble() + (c == labels[i] ? skill : 0);
                sum += p[i][c];
            }
            for (int c = 0; c < k; c++) {
                p[i][c] /= sum;
            }
        }
        return Predictions.of(classes, ids, labels, p);
    }

    private static List<String> ids(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("Testing/x/img-" + i + ".jpg");
        }
        return out;
    }

    @Test
    void sameClassesGetDeLongAndMcNemarAsComputedDirectly() {
        int n = 120;
        int[] y = new SplittableRandom(1).ints(n, 0, 2).toArray();
        Predictions a = random(TWO, ids(n), y, 2, 0.9);
        Predictions b = random(TWO, ids(n), y, 3, 0.3);
        RunComparison c = RunComparison.of("A", a, "B", b);
        assertEquals(n, c.n());
        assertEquals(DeLong.compare(y, Ranking.column(a.probabilities(), 1), Ranking.column(b.probabilities(), 1)),
                c.tumourAuc());
        assertEquals(McNemar.compare(y, a.probabilities(), b.probabilities()), c.accuracy());
        assertNull(c.accuracyBootstrap());
        assertEquals(List.of(c.tumourAuc().sentence("A", "B"), c.accuracy().sentence("A", "B")), c.sentences());

        Bootstrap boot = Bootstrap.withSeed(7).withResamples(200);
        RunComparison withBoot = RunComparison.of("A", a, "B", b, boot);
        assertEquals(boot.pairedDifference(Metrics.ACCURACY, y, a.probabilities(), b.probabilities()),
                withBoot.accuracyBootstrap());
        assertEquals(3, withBoot.sentences().size());
    }

    @Test
    void fourClassAgainstBinaryComparesOnlyTheTumourQuestion() {
        int n = 80;
        int[] y4 = new SplittableRandom(4).ints(n, 0, 4).toArray();
        int[] y2 = TumourDetection.tumourLabels(y4);
        Predictions four = random(FOUR, ids(n), y4, 5, 0.8);
        Predictions binary = random(TWO, ids(n), y2, 6, 0.8);
        RunComparison c = RunComparison.of("four-class", four, "binary", binary);
        assertNull(c.accuracy());
        assertEquals(DeLong.compare(y2, TumourDetection.tumourScores(four.probabilities()),
                Ranking.column(binary.probabilities(), 1)), c.tumourAuc());
        assertEquals(List.of(c.tumourAuc().sentence("four-class", "binary")), c.sentences());
        assertNotNull(c.tumourAuc());
    }

    @Test
    void differentImagesAreRefused() {
        int[] y = {0, 1, 0, 1};
        Predictions a = random(TWO, ids(4), y, 1, 0.5);
        Predictions b = random(TWO, List.of("a", "b", "c", "d"), y, 1, 0.5);
        assertTrue(!RunComparison.sameImages(a, b));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunComparison.of("A", a, "B", b));
        assertTrue(e.getMessage().contains("different images"), e.getMessage());
    }
}
