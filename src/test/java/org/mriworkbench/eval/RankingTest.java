package org.mriworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RankingTest {

    // A positive and a negative tie at 0.8; U = 0.5 (tie) + 1 + 0 + 1 = 2.5 of 4 pairs.
    private static final int[] Y = {1, 0, 1, 0};
    private static final double[] S = {0.8, 0.8, 0.4, 0.2};

    @Test
    void tiedScoresFormOneDiagonalStep() {
        RocCurve roc = Ranking.rocCurve(Y, S);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1}, roc.fpr());
        assertArrayEquals(new double[] {0, 0.5, 1, 1}, roc.tpr());
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.8, 0.4, 0.2}, roc.thresholds());
        assertEquals(0.625, Ranking.rocAuc(Y, S).value(), 1e-15);
    }

    @Test
    void curveDoesNotDependOnInputOrder() {
        int[] y = {0, 1, 0, 1};
        double[] s = {0.2, 0.4, 0.8, 0.8};
        assertArrayEquals(Ranking.rocCurve(Y, S).tpr(), Ranking.rocCurve(y, s).tpr());
        assertEquals(Ranking.rocAuc(Y, S), Ranking.rocAuc(y, s));
    }

    @Test
    void averagePrecisionIsUninterpolatedStepSum() {
        // Thresholds 0.8 (R 1/2, P 1/2) and 0.4 (R 1, P 2/3): AP = 1/2 * 1/2 + 1/2 * 2/3.
        assertEquals(0.25 + 1 / 3.0, Ranking.averagePrecision(Y, S).value(), 1e-15);
        PrecisionRecallCurve pr = Ranking.precisionRecallCurve(Y, S);
        assertArrayEquals(new double[] {0.5, 2 / 3.0, 0.5}, pr.precision(), 1e-15);
        assertArrayEquals(new double[] {0.5, 1, 1}, pr.recall(), 1e-15);
    }

    @Test
    void singleClassGivesNanWithReason() {
        MetricValue auc = Ranking.rocAuc(new int[] {1, 1, 1}, new double[] {0.1, 0.5, 0.9});
        assertFalse(auc.isDefined());
        assertTrue(auc.reason().contains("only positive"));
        assertFalse(Ranking.averagePrecision(new int[] {0, 0}, new double[] {0.1, 0.5}).isDefined());
        assertTrue(Double.isNaN(Ranking.rocCurve(new int[] {0, 0}, new double[] {0.1, 0.5}).tpr()[1]));
    }

    @Test
    void macroAucIsUndefinedWhenAClassIsAbsent() {
        int[] labels = {0, 1, 0, 1};
        double[][] probs = {{0.7, 0.2, 0.1}, {0.2, 0.7, 0.1}, {0.5, 0.3, 0.2}, {0.3, 0.3, 0.4}};
        MetricValue macro = Ranking.macroAuc(labels, probs);
        assertFalse(macro.isDefined());
        assertTrue(macro.reason().startsWith("class 2"));
        assertEquals(1.0, Ranking.oneVsRestAuc(labels, probs).get(0).value());
    }

    @Test
    void rejectsNonBinaryLabelsAndNonFiniteScores() {
        assertThrows(IllegalArgumentException.class, () -> Ranking.rocAuc(new int[] {0, 2}, new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> Ranking.rocAuc(new int[] {0, 1}, new double[] {0, Double.NaN}));
    }
}
