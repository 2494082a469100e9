package org.mriworkbench.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AugmentScheduleTest {

    private static double[] curve(int epochs, double fraction) {
        double[] f = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            f[e] = AugmentSchedule.factor(e, epochs, fraction);
        }
        return f;
    }

    @Test
    void fadesLinearlyToZeroOverTheFinalFraction() {
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 2 / 3.0, 1 / 3.0, 0}, curve(10, 0.3), 1e-12);
        assertArrayEquals(new double[] {0.75, 0.5, 0.25, 0}, curve(4, 1.0), 1e-12);
        // A fraction that is not a whole number of epochs rounds up: 0.25 of 10 epochs fades over 3.
        assertEquals(3, AugmentSchedule.fadeEpochs(10, 0.25));
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 2 / 3.0, 1 / 3.0, 0}, curve(10, 0.25), 1e-12);
    }

    @Test
    void fractionZeroNeverFades() {
        for (double f : curve(7, 0)) {
            assertEquals(1.0, f); // exactly 1: the default leaves augmentation bit-for-bit as it was
        }
        assertEquals(0, AugmentSchedule.fadeEpochs(7, 0));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> AugmentSchedule.factor(0, 5, 1.5));
        assertThrows(IllegalArgumentException.class, () -> AugmentSchedule.factor(0, 5, -0.1));
        assertThrows(IllegalArgumentException.class, () -> AugmentSchedule.factor(5, 5, 0.2));
    }
}
