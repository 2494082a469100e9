package org.mriworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DistributionsTest {

    @Test
    void erfcMatchesReferenceValues() {
        // Reference values from Python's math.erfc.
        assertEquals(0.15729920705028513, Distributions.erfc(1), 1e-15);
        assertEquals(0.004677734981047265, Distributions.erfc(2), 1e-16);
        assertEquals(0.6713732405408726, Distributions.erfc(0.3), 1e-15);
        assertEquals(1.842700792949715, Distributions.erfc(-1), 1e-15);
        assertEquals(1.5374597944280351e-12, Distributions.erfc(5), 1e-24);
        assertEquals(1.0, Distributions.erfc(0));
    }

    @Test
    void tailsAtTheUsualCriticalValues() {
        assertEquals(0.05, Distributions.chiSquare1Upper(3.841458820694124), 1e-12);
        assertEquals(0.05, Distributions.normalTwoSided(Distributions.Z95), 1e-12);
    }
}
