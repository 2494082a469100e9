package org.mriworkbench.eval;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two-sample KS statistic and the Kolmogorov tail against SciPy 1.17 ({@code stats.ks_2samp},
 * {@code special.kolmogorov}), and the confidence summary the shift check reports next to it.
 */
class KolmogorovSmirnovTest {

    @Test
    void statisticMatchesScipy() {
        double[] a = {0.1, 0.4, 0.4, 0.7, 0.9, 1.3, 2.2};
        double[] b = {0.4, 0.5, 0.8, 1.0, 1.1, 1.9, 2.0, 3.1, 3.5};
        assertEquals(0.38095238095238093, KolmogorovSmirnov.twoSample(a, b).statistic(), 1e-12);
        assertEquals(0.25, KolmogorovSmirnov.twoSample(new double[] {1, 1, 2, 2}, new double[] {1, 2, 2, 2})
                .statistic(), 1e-12, "ties are stepped over together");
        KolmogorovSmirnov apart = KolmogorovSmirnov.twoSample(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertEquals(1.0, apart.statistic());
        assertEquals(3, apart.n());
        assertEquals(3, apart.m());
    }

    @Test
    void kolmogorovTailMatchesScipyOnBothSidesOfTheSwitch() {
        double[][] expected = {{0.3, 0.9999906941986655}, {0.8, 0.5441424115741981}, {1.0, 0.26999967167735456},
                {1.17, 0.12939004218561884}, {1.19, 0.11774229287977166}, {1.36, 0.049485876755377876},
                {1.63, 0.009846364888486529}, {2.5, 7.453306344157342e-06}};
        for (double[] e : expected) {
            assertEquals(e[1], Distributions.kolmogorovUpper(e[0]), 1e-9 + 1e-7 * e[1], "lambda " + e[0]);
        }
        assertEquals(1.0, Distributions.kolmogorovUpper(0));
    }

    @Test
    void sameDistributionGivesSmallDAndLargeP() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] a = new double[400];
        double[] b = new double[300];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextDouble();
        }
        KolmogorovSmirnov same = KolmogorovSmirnov.twoSample(a, b);
        assertTrue(same.statistic() < 0.12 && same.pValue() > 0.01, same.toString());
        for (int i = 0; i < b.length; i++) {
            b[i] += 0.5;
        }
        KolmogorovSmirnov shifted = KolmogorovSmirnov.twoSample(a, b);
        assertTrue(shifted.statistic() > 0.4 && shifted.pValue() < 1e-6, shifted.toString());
    }

    @Test
    void emptySampleIsUndefinedAndNonFiniteInputThrows() {
        KolmogorovSmirnov e = KolmogorovSmirnov.twoSample(new double[0], new double[] {1});
        assertTrue(Double.isNaN(e.statistic()) && Double.isNaN(e.pValue()));
        assertThrows(IllegalArgumentException.class,
                () -> KolmogorovSmirnov.twoSample(new double[] {Double.NaN}, new double[] {1}));
    }

    @Test
    void confidenceSummaryUsesTheLargestProbability() {
        double[][] probs = {{0.9, 0.1}, {0.45, 0.55}, {0.3, 0.7}, {0.5, 0.5}};
        assertEquals(0.55, ConfidenceSummary.maxProbabilities(probs)[1]);
        ConfidenceSummary s = ConfidenceSummary.of(probs);
        assertEquals(4, s.n());
        assertEquals((0.9 + 0.55 + 0.7 + 0.5) / 4, s.mean(), 1e-12);
        assertEquals(0.5, s.fractionBelow(), 1e-12, "0.55 and 0.5 are below 0.6");
        assertEquals(0.625, s.median(), 1e-12);
        assertTrue(Double.isNaN(ConfidenceSummary.ofConfidences(new double[0], 0.6).mean()));
    }
}
