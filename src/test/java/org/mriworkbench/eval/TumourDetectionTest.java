package org.mriworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
