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
