package org.mriworkbench.shift;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verdict's levels at and around its documented thresholds. */
class ShiftVerdictTest {

    @Test
    void intensityNeedsBothSizeAndSignificance() {
        assertEquals(ShiftVerdict.Level.LARGE, ShiftVerdict.of(0.5, 0.001, "mean", 0.9, 0.9).level());
        assertEquals(ShiftVerdict.Level.MODERATE, ShiftVerdict.of(0.49, 0.001, "mean", 0.9, 0.9).level());
        assertEquals(ShiftVerdict.Level.SMALL, ShiftVerdict.of(0.19, 0.001, "mean", 0.9, 0.9).level());
        assertEquals(ShiftVerdict.Level.SMALL, ShiftVerdict.of(0.8, 0.02, "mean", 0.9, 0.9).level(),
                "a large D from a handful of images is not significant");
        assertEquals(ShiftVerdict.Level.SMALL, ShiftVerdict.of(Double.NaN, Double.NaN, "none", 0.9, 0.9).level());
    }

    @Test
    void confidenceCountsInEitherDirectionAndTheWorseLevelWins() {
        assertEquals(ShiftVerdict.Level.LARGE, ShiftVerdict.of(0.1, 0.5, "mean", 0.61, 0.93).level());
        assertEquals(ShiftVerdict.Level.LARGE, ShiftVerdict.of(0.1, 0.5, "mean", 0.87, 0.62).level());
        assertEquals(ShiftVerdict.Level.MODERATE, ShiftVerdict.of(0.1, 0.5, "mean", 0.85, 0.93).level());
        assertEquals(ShiftVerdict.Level.SMALL, ShiftVerdict.of(0.1, 0.5, "mean", 0.92, 0.93).level());
        ShiftVerdict v = ShiftVerdict.of(0.83, 1e-9, "mean", 0.91, 0.93);
        assertEquals(ShiftVerdict.Level.LARGE, v.level());
        assertEquals(ShiftVerdict.Level.SMALL, v.confidenceLevel());
        assertTrue(v.line().startsWith("shift: LARGE (intensity KS 0.83 on mean"), v.line());
        assertTrue(v.line().contains("mean confidence 0.91 vs 0.93"), v.line());
    }
}
