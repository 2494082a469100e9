package org.mriworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class OperatingPointsTest {

    // Positives 0.9, 0.8, 0.7, 0.3; negatives 0.6, 0.4, 0.3, 0.1.
    private static final int[] Y = {1, 1, 1, 1, 0, 0, 0, 0};
    private static final double[] S = {0.9, 0.8, 0.7, 0.3, 0.6, 0.4, 0.3, 0.1};

    @Test
    void picksHighestThresholdMeetingTheSensitivityTarget() {
        ThresholdChoice c75 = OperatingPoints.thresholdForSensitivity(Y, S, 0.75);
        assertEquals(0.7, c75.threshold());
        assertEquals(1.0, c75.validation().specificity());
        ThresholdChoice c98 = OperatingPoints.thresholdForSensitivity(Y, S, 0.98);
        assertEquals(0.3, c98.threshold());
        assertEquals(new OperatingPoint(0.3, 1.0, 0.25, 4 / 7.0, 1.0, 4, 3, 1, 0), c98.validation());
        assertEquals("", c98.reason());
    }

    @Test
    void sensitivityTargetIsMetExactlyAndTiesMoveTogether() {
        // 100 positives: 97 at distinct high scores, the 98th tied at 0.5 with two negatives, two more at 0.2.
        // Sensitivity 0.98 needs 98 caught, so the threshold is 0.5 (exactly 0.98, ">=" is inclusive) and both
        // tied negatives become false positives; 0.51 would give only 0.97.
        int[] y = new int[110];
        double[] s = new double[110];
        for (int i = 0; i < 97; i++) {
            y[i] = 1;
            s[i] = 0.6 + 0.004 * i;
        }
        y[97] = 1;
        s[97] = 0.5;
        y[98] = 1;
        y[99] = 1;
        s[98] = 0.2;
        s[99] = 0.2;
        s[100] = 0.5;
        s[101] = 0.5;
        for (int i = 102; i < 110; i++) {
            s[i] = 0.1;
        }
        ThresholdChoice c = OperatingPoints.thresholdForSensitivity(y, s, 0.98);
        assertEquals(0.5, c.threshold());
        assertEquals(new OperatingPoint(0.5, 0.98, 0.8, 98 / 100.0, 8 / 10.0, 98, 2, 8, 2), c.validation());

        // 50 positives, the last two tied with a negative at 0.4: 48/50 = 0.96 < 0.98, so the whole tie group
        // (both positives and the negative) must be taken in; no threshold gives exactly 49/50.
        int[] y2 = new int[60];
        double[] s2 = new double[60];
        for (int i = 0; i < 48; i++) {
            y2[i] = 1;
            s2[i] = 0.5 + 0.01 * i;
        }
        y2[48] = 1;
        y2[49] = 1;
        s2[48] = 0.4;
        s2[49] = 0.4;
        s2[50] = 0.4;
        for (int i = 51; i < 60; i++) {
            s2[i] = 0.03 * (i - 50);
        }
        ThresholdChoice c2 = OperatingPoints.thresholdForSensitivity(y2, s2, 0.98);
        assertEquals(0.4, c2.threshold());
        assertEquals(1.0, c2.validation().sensitivity());
        assertEquals(50, c2.validation().tp());
        assertEquals(1, c2.validation().fp());
        assertEquals(9, c2.validation().tn());
    }

    @Test
    void evaluatesAtAnArbitraryThreshold() {
        assertEquals(new OperatingPoint(0.5, 0.75, 0.75, 0.75, 0.75, 3, 1, 3, 1), OperatingPoints.at(Y, S, 0.5));
    }

    @Test
    void sweepHasOneRowPerDistinctScoreAndAgreesWithAt() {
        List<OperatingPoint> sweep = OperatingPoints.sweep(Y, S);
        assertEquals(7, sweep.size());
        for (OperatingPoint p : sweep) {
            assertEquals(OperatingPoints.at(Y, S, p.threshold()), p);
        }
        Table table = OperatingPoints.toTable(sweep);
        assertEquals(7, table.rowCount());
        assertEquals(List.of("threshold", "sensitivity", "specificity", "ppv", "npv", "tp", "fp", "tn", "fn"),
                table.columnNames());
        assertEquals(0.9, table.doubleColumn("threshold").get(0));
    }

    @Test
    void noPositivesGivesNanThresholdWithReason() {
        ThresholdChoice c = OperatingPoints.thresholdForSensitivity(new int[] {0, 0}, new double[] {0.2, 0.4}, 0.9);
        assertTrue(Double.isNaN(c.threshold()));
        assertTrue(c.reason().contains("no positive"));
    }
}
