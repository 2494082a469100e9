package org.mriworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeedStatisticsTest {

    @Test
    void sampleStandardDeviationUsesNMinusOne() {
        double[] v = {0.9564, 0.9649, 0.9498};
        assertEquals((0.9564 + 0.9649 + 0.9498) / 3, SeedStatistics.mean(v), 1e-15);
        // numpy: np.std([0.9564, 0.9649, 0.9498], ddof=1)
        assertEquals(0.0075698, SeedStatistics.sd(v), 1e-7);
        assertEquals(Math.sqrt(5.0 / 3.0), SeedStatistics.sd(new double[] {1, 2, 3, 4}), 1e-15);
    }

    @Test
    void oneSeedHasNoSpreadAndNoSeedsHaveNoMean() {
        assertTrue(Double.isNaN(SeedStatistics.sd(new double[] {0.9})));
        assertEquals(0.9, SeedStatistics.mean(new double[] {0.9}));
        assertTrue(Double.isNaN(SeedStatistics.mean(new double[0])));
    }
}
