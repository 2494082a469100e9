package org.mriworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScoringRulesTest {

    @Test
    void logLossClipsAZeroProbabilityToEps() {
        double loss = ScoringRules.logLoss(new int[] {0}, new double[][] {{0.0, 1.0}});
        assertEquals(-Math.log(ScoringRules.EPS), loss, 1e-12);
        assertEquals(36.04365338911715, loss, 1e-9);
    }

    @Test
    void binaryAndMulticlassLogLossAgree() {
        TestData d = TestData.binary(3, 50, 0.5, 1);
        assertEquals(ScoringRules.logLoss(d.labels(), d.probs()),
                ScoringRules.logLoss(d.labels(), Ranking.column(d.probs(), 1)), 1e-12);
    }

    @Test
    void multiclassBrierIsTwiceBinaryBrierForTwoClasses() {
        TestData d = TestData.binary(4, 50, 0.5, 1);
        assertEquals(2 * ScoringRules.brierScore(d.labels(), Ranking.column(d.probs(), 1)),
                ScoringRules.multiclassBrier(d.labels(), d.probs()), 1e-12);
    }

    @Test
    void brierHandExample() {
        // (0.9 - 1)^2 + (0.4 - 0)^2 = 0.01 + 0.16, mean 0.085.
        assertEquals(0.085, ScoringRules.brierScore(new int[] {1, 0}, new double[] {0.9, 0.4}), 1e-15);
    }
}
