package org.mriworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    // Truth 0,0,0,1,1,2 against predictions 0,0,1,1,0,2: counts [[2,1,0],[1,1,0],[0,0,1]].
    private static final int[] LABELS = {0, 0, 0, 1, 1, 2};
    private static final double[][] PROBS = {
        {0.8, 0.1, 0.1}, {0.6, 0.3, 0.1}, {0.2, 0.7, 0.1}, {0.1, 0.8, 0.1}, {0.5, 0.4, 0.1}, {0.1, 0.1, 0.8}};

    @Test
    void handWorkedThreeClassExample() {
        ConfusionMatrix cm = ConfusionMatrix.fromProbabilities(LABELS, PROBS);
        assertArrayEquals(new int[][] {{2, 1, 0}, {1, 1, 0}, {0, 0, 1}}, cm.counts());
        assertEquals(4 / 6.0, ClassificationMetrics.accuracy(cm), 1e-15);
        assertEquals((2 / 3.0 + 1 / 2.0 + 1) / 3, ClassificationMetrics.balancedAccuracy(cm), 1e-15);
        assertEquals((2 / 3.0 + 1 / 2.0 + 1) / 3, ClassificationMetrics.macroF1(cm), 1e-15);
        assertEquals((3 * 2 / 3.0 + 2 * 0.5 + 1) / 6, ClassificationMetrics.weightedF1(cm), 1e-15);
        // p_o = 4/6, p_e = (3*3 + 2*2 + 1*1) / 36 = 14/36, kappa = (24 - 14) / (36 - 14) = 5/11.
        assertEquals(5 / 11.0, ClassificationMetrics.cohenKappa(cm).value(), 1e-15);

        List<ClassMetrics> per = ClassificationMetrics.perClass(cm);
        assertEquals(new ClassMetrics(0, 3, 2 / 3.0, 2 / 3.0, 2 / 3.0, 2 / 3.0, 2 / 3.0), per.get(0));
        assertEquals(new ClassMetrics(1, 2, 0.5, 0.5, 0.75, 0.5, 0.75), per.get(1));
        assertEquals(new ClassMetrics(2, 1, 1, 1, 1, 1, 1), per.get(2));
        assertArrayEquals(new double[] {2 / 3.0, 1 / 3.0, 0}, cm.rowRates()[0], 1e-15);
    }

    @Test
    void kappaIsUndefinedWhenEverythingIsOneClass() {
        MetricValue kappa = ClassificationMetrics.cohenKappa(new int[] {0, 0}, new double[][] {{1, 0}, {0.9, 0.1}});
        assertFalse(kappa.isDefined());
        assertTrue(kappa.reason().contains("chance agreement"));
    }

    @Test
    void absentClassGivesNanRatesNotAnException() {
        ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, 3);
        assertTrue(Double.isNaN(cm.rowRates()[2][0]));
        ClassMetrics absent = ClassificationMetrics.perClass(cm).get(2);
        assertTrue(Double.isNaN(absent.recall()) && Double.isNaN(absent.f1()) && Double.isNaN(absent.precision()));
        assertEquals((1 / 1.0 + 1 / 2.0) / 2, ClassificationMetrics.balancedAccuracy(cm), 1e-15);
        assertEquals((2 / 3.0 + 2 / 3.0) / 2, ClassificationMetrics.macroF1(cm), 1e-15);
    }

    @Test
    void confusionMatrixIsImmutableAndComparesByContent() {
        int[][] counts = {{1, 2}, {3, 4}};
        ConfusionMatrix cm = ConfusionMatrix.ofCounts(counts);
        counts[0][0] = 99;
        cm.counts()[0][0] = 99;
        assertEquals(1, cm.count(0, 0));
        assertEquals(ConfusionMatrix.ofCounts(new int[][] {{1, 2}, {3, 4}}), cm);
        assertNotEquals(ConfusionMatrix.ofCounts(new int[][] {{1, 2}, {3, 5}}), cm);
        assertEquals(10, cm.total());
    }

    @Test
    void malformedInputThrows() {
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.accuracy(new int[] {0, 2}, new double[][] {{1, 0}, {0, 1}}));
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.accuracy(new int[] {0}, new double[][] {{1, 0}, {0, 1}}));
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.accuracy(new int[] {0}, new double[][] {{Double.NaN, 0}}));
    }
}
