package org.mriworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void binsAreRightClosedDespiteRounding() {
        assertEquals(2, Calibration.binOf(0.3, 10), "0.3 * 10 rounds above 3 but 0.3 belongs to (0.2, 0.3]");
        assertEquals(3, Calibration.binOf(Math.nextUp(0.3), 10));
        assertEquals(0, Calibration.binOf(0.0, 10));
        assertEquals(9, Calibration.binOf(1.0, 10));
        assertEquals(14, Calibration.binOf(1.0, 15));
    }

    @Test
    void eceHandExample() {
        // Four samples at confidence 0.9, three right: one non-empty bin with |0.75 - 0.9| = 0.15.
        int[] labels = {0, 0, 0, 1};
        double[][] probs = {{0.9, 0.1}, {0.9, 0.1}, {0.9, 0.1}, {0.9, 0.1}};
        assertEquals(0.15, Calibration.expectedCalibrationError(labels, probs, 10), 1e-12);
        List<ReliabilityBin> bins = Calibration.reliabilityBins(labels, probs, 10);
        assertEquals(10, bins.size());
        ReliabilityBin b = bins.get(8);
        assertEquals(4, b.count());
        assertEquals(0.75, b.accuracy(), 1e-15);
        assertEquals(0.9, b.meanConfidence(), 1e-15);
        assertEquals(0.8, b.lower(), 1e-15);
        assertEquals(0.9, b.upper(), 1e-15);
        assertEquals(true, Double.isNaN(bins.get(0).accuracy()));
    }

    @Test
    void weightsBinsBySize() {
        // Bin (0.5, 0.6]: 2 samples at 0.6, both right, gap 0.4. Bin (0.9, 1]: 2 at 1.0, one right, gap 0.5.
        int[] labels = {0, 0, 0, 1};
        double[][] probs = {{0.6, 0.4}, {0.6, 0.4}, {1.0, 0.0}, {1.0, 0.0}};
        assertEquals((2 * 0.4 + 2 * 0.5) / 4, Calibration.expectedCalibrationError(labels, probs, 10), 1e-12);
    }
}
