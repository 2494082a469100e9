package org.mriworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TumourDetectionTest {

    @Test
    void noTumourIsColumnTwoOfFourClassOrder() {
        assertEquals(2, TumourDetection.NO_TUMOR_INDEX);
        assertArrayEquals(new int[] {1, 1, 0, 1}, TumourDetection.tumourLabels(new int[] {0, 1, 2, 3}));
        assertArrayEquals(new double[] {0.9, 0.25},
                TumourDetection.tumourScores(new double[][] {{0.5, 0.3, 0.1, 0.1}, {0.05, 0.1, 0.75, 0.1}}), 1e-15);
    }

    @Test
    void tumourAucRanksTumoursAboveNormals() {
        int[] labels = {0, 2, 3, 2};
        double[][] probs = {{0.7, 0.1, 0.1, 0.1}, {0.1, 0.1, 0.7, 0.1}, {0.2, 0.2, 0.3, 0.3}, {0.1, 0.1, 0.4, 0.4}};
        assertEquals(1.0, TumourDetection.auc(labels, probs).value());
    }

    @Test
    void oneScoreForEitherTask() {
        // binary rows [NO_TUMOR, TUMOR]: the TUMOR column itself, as binary evaluation thresholds it
        assertEquals(0.3f, TumourDetection.score(new double[] {0.7f, 0.3f}));
        assertEquals(0.9, TumourDetection.score(new double[] {0.5, 0.3, 0.1, 0.1}), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> TumourDetection.score(new double[] {0.5, 0.3, 0.2}));
        double[][] binary = {{0.7, 0.3}, {0.2, 0.8}};
        assertArrayEquals(new double[] {0.3, 0.8}, TumourDetection.scores(binary, 2));
        double[][] four = {{0.5, 0.3, 0.1, 0.1}, {0.05, 0.1, 0.75, 0.1}};
        assertArrayEquals(TumourDetection.tumourScores(four), TumourDetection.scores(four, 4));
        for (double[] row : four) {
            assertEquals(TumourDetection.score(row), TumourDetection.scores(new double[][] {row}, 4)[0]);
        }
    }

    @Test
    void labelsOfEitherTask() {
        int[] binary = {0, 1, 1};
        int[] copy = TumourDetection.labels(binary, 2);
        assertArrayEquals(binary, copy);
        copy[0] = 1;
        assertEquals(0, binary[0], "the caller's labels are not shared");
        assertArrayEquals(new int[] {1, 0, 1}, TumourDetection.labels(new int[] {3, 2, 0}, 4));
    }
}
