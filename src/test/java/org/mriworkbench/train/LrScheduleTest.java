package org.mriworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LrScheduleTest {

    static LrProgress at(int epoch, int it) {
        return new LrProgress(epoch, it, 10, 20, List.of());
    }

    @Test
    void warmupRisesLinearlyFromNearZeroToOneThenStays() {
        // 10 minibatches per epoch, 2 warm-up epochs = 20 warm-up steps.
        assertEquals(1 / 20.0, LrSchedule.warmupFactor(at(0, 0), 2), 1e-12);
        assertEquals(10 / 20.0, LrSchedule.warmupFactor(at(0, 9), 2), 1e-12);
        assertEquals(15 / 20.0, LrSchedule.warmupFactor(at(1, 4), 2), 1e-12);
        assertEquals(1.0, LrSchedule.warmupFactor(at(1, 9), 2), 1e-12);
        assertEquals(1.0, LrSchedule.warmupFactor(at(5, 3), 2), 1e-12);
        double prev = 0;
        for (int e = 0; e < 3; e++) {
            for (int i = 0; i < 10; i++) {
                double f = LrSchedule.warmupFactor(at(e, i), 2);
                assertTrue(f >= prev && f <= 1, "monotone, capped at 1");
                prev = f;
            }
        }
        assertEquals(1.0, LrSchedule.warmupFactor(at(0, 0), 0), "no warm-up: exactly 1");
        assertEquals(1 / 5.0, LrSchedule.warmupFactor(at(0, 0), 0.5), 1e-12, "half an epoch = 5 steps");
        assertThrows(IllegalArgumentException.class, () -> LrSchedule.warmupFactor(at(0, 0), -1));
    }

    @Test
    void stepAndExponentialDecayPerEpoch() {
        LrSchedule step = new LrSchedule.Step(5, 0.1);
        assertEquals(1.0, step.learningRate(1.0, at(4, 9)), 1e-12);
        assertEquals(0.1, step.learningRate(1.0, at(5, 0)), 1e-12);
        assertEquals(0.01, step.learningRate(1.0, at(10, 3)), 1e-12);
        assertEquals(0.5 * 0.9 * 0.9, new LrSchedule.Exponential(0.9).learningRate(0.5, at(2, 7)), 1e-12);
    }

    @Test
    void cosineGoesFromBaseToMinimumSmoothly() {
        LrSchedule cos = new LrSchedule.Cosine(0.1);
        assertEquals(1.0, cos.learningRate(1.0, at(0, 0)), 1e-12);
        assertEquals(0.55, cos.learningRate(1.0, at(10, 0)), 1e-12);
        assertTrue(cos.learningRate(1.0, at(19, 9)) < 0.11);
        assertTrue(cos.learningRate(1.0, at(3, 5)) < cos.learningRate(1.0, at(3, 4)), "changes within an epoch");
    }

    @Test
    void oneCycleWarmsUpToPeakThenAnnealsFarBelowStart() {
        LrSchedule oc = new LrSchedule.OneCycle(0.3, 25, 1e4);
        double start = oc.learningRate(1.0, at(0, 0));
        assertEquals(1.0 / 25, start, 1e-12);
        double peak = 0;
        for (int e = 0; e < 20; e++) {
            for (int i = 0; i < 10; i++) {
                peak = Math.max(peak, oc.learningRate(1.0, at(e, i)));
            }
        }
        assertEquals(1.0, peak, 1e-3);
        assertEquals(1.0 / 25 / 1e4, oc.learningRate(1.0, at(19, 9)), 1e-9);
    }

    @Test
    void plateauCutsAfterPatienceEpochsWithoutImprovement() {
        LrSchedule p = new LrSchedule.Plateau(0.5, 2, 0.01, 0.1);
        assertEquals(1.0, p.learningRate(1.0, new LrProgress(3, 0, 1, 10, List.of(1.0, 0.9, 0.8))), 1e-12);
        assertEquals(0.5, p.learningRate(1.0, new LrProgress(3, 0, 1, 10, List.of(1.0, 0.995, 1.2))), 1e-12);
        assertEquals(0.25, p.learningRate(1.0, new LrProgress(5, 0, 1, 10, List.of(1.0, 1.0, 1.0, 1.0, 1.0))),
                1e-12);
        List<Double> flat = java.util.Collections.nCopies(30, 1.0);
        assertEquals(0.1, p.learningRate(1.0, new LrProgress(30, 0, 1, 40, flat)), 1e-12, "never below minLr");
    }

    @Test
    void byNameKnowsEveryScheduleAndJsonRoundTrips() {
        for (String name : LrSchedule.NAMES) {
            LrSchedule s = LrSchedule.byName(name);
            assertEquals(s, Json.parse(Json.write(s), LrSchedule.class));
        }
        assertInstanceOf(LrSchedule.OneCycle.class, LrSchedule.byName(" One-Cycle "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LrSchedule.byName("warm"));
        assertTrue(e.getMessage().contains("plateau"));
    }
}
