package org.mriworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static final Bootstrap FAST = Bootstrap.withSeed(42).withResamples(400);

    @Test
    void sameSeedSameIntervalOtherSeedOtherInterval() {
        TestData d = TestData.grid(1, 200, 4, -1);
        BootstrapInterval a = FAST.interval(Metrics.ACCURACY, d.labels(), d.probs());
        assertEquals(a, FAST.interval(Metrics.ACCURACY, d.labels(), d.probs()));
        assertNotEquals(a, Bootstrap.withSeed(43).withResamples(400).interval(Metrics.ACCURACY, d.labels(), d.probs()));
        assertTrue(a.lower() < a.estimate() && a.estimate() < a.upper());
        assertEquals(0, a.nanCount());
        assertEquals(ClassificationMetrics.accuracy(d.labels(), d.probs()), a.estimate());
    }

    @Test
    void undefinedResamplesAreDroppedAndCounted() {
        // One positive in 20: about (19/20)^20 = 36% of resamples draw no positive and have no AUC.
        int[] y = new int[20];
        double[][] p = new double[20][];
        for (int i = 0; i < 20; i++) {
            p[i] = new double[] {1 - i / 20.0, i / 20.0};
        }
        y[19] = 1;
        BootstrapInterval ci = FAST.interval(Metrics.MACRO_AUC, y, p);
        assertTrue(ci.nanCount() > 80 && ci.nanCount() < 220, "nanCount " + ci.nanCount());
        assertEquals(ci.resamples() - ci.nanCount(), ci.validResamples());
        assertTrue(Double.isFinite(ci.lower()) && Double.isFinite(ci.upper()));
    }

    @Test
    void survivesAMetricThatIsAlwaysUndefined() {
        int[] y = {0, 0, 0};
        double[][] p = {{0.9, 0.1}, {0.6, 0.4}, {0.5, 0.5}};
        BootstrapInterval ci = FAST.interval(Metrics.MACRO_AUC, y, p);
        assertTrue(Double.isNaN(ci.estimate()) && Double.isNaN(ci.lower()) && Double.isNaN(ci.upper()));
        assertEquals(400, ci.nanCount());
    }

    @Test
    void quantileInterpolatesLinearlyLikeNumpy() {
        assertEquals(1.75, Bootstrap.quantile(new double[] {1, 2, 3, 4}, 0.25), 1e-15);
        assertEquals(4.0, Bootstrap.quantile(new double[] {1, 2, 3, 4}, 1.0), 1e-15);
    }

    @Test
    void pairedDifferenceOfIdenticalModelsIsZeroWithPOne() {
        TestData d = TestData.grid(2, 150, 4, -1);
        PairedComparison c = FAST.pairedDifference(Metrics.MACRO_AUC, d.labels(), d.probs(), d.probs());
        assertEquals(0.0, c.difference());
        assertEquals(0.0, c.lower());
        assertEquals(0.0, c.upper());
        assertEquals(1.0, c.pValue());
    }

    @Test
    void pairedDifferenceDetectsAClearlyBetterModel() {
        TestData d = TestData.grid(3, 300, 4, -1);
        double[][] uniform = new double[300][];
        for (int i = 0; i < 300; i++) {
            uniform[i] = new double[] {0.25, 0.25, 0.25, 0.25};
            uniform[i][(d.labels()[i] + 1 + i % 3) % 4] = 0.4;
        }
        PairedComparison c = FAST.pairedDifference(Metrics.ACCURACY, d.labels(), d.probs(), uniform);
        assertTrue(c.difference() > 0 && c.lower() > 0, c.toString());
        assertTrue(c.pValue() < 0.01, c.toString());
        assertEquals(2.0 / 401, c.pValue(), 1e-12);
    }
}
