package org.mriworkbench.imbalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EpochPlanTest {

    @Test
    void isImmutable() {
        int[] idx = {2, 0, 1};
        double[] w = {1, 2};
        EpochPlan p = EpochPlan.of(idx, new double[] {1, 1, 1}, w);
        idx[0] = 9;
        w[0] = 9;
        p.indices()[1] = 9;
        p.classWeights().orElseThrow()[1] = 9;
        assertArrayEquals(new int[] {2, 0, 1}, p.indices());
        assertArrayEquals(new double[] {1, 2}, p.classWeights().orElseThrow());
        assertEquals(2, p.index(0));
    }

    @Test
    void rejectsMismatchedOrInvalidParts() {
        assertThrows(IllegalArgumentException.class, () -> EpochPlan.of(new int[] {0}, new double[] {1, 1}, null));
        assertThrows(IllegalArgumentException.class, () -> EpochPlan.of(new int[] {-1}));
        assertThrows(IllegalArgumentException.class,
                () -> EpochPlan.of(new int[] {0}, new double[] {Double.NaN}, null));
    }
}
