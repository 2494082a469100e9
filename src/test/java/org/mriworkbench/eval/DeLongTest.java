package org.mriworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeLongTest {

    /**
     * Hand-checkable: positives A = (0.9, 0.8, 0.4), B = (0.7, 0.7, 0.5); negatives A = (0.4, 0.3),
     * B = (0.7, 0.2). Placements V10_A = (1, 1, 3/4), V10_B = (3/4, 3/4, 1/2), V01_A = (5/6, 1),
     * V01_B = (1/3, 1); AUC_A = 11/12, AUC_B = 2/3. Var(V10_A - V10_B) / 3 = 0 and Var(V01_A - V01_B) / 2 = 1/16,
     * so se = 1/4, z = (1/4) / (1/4) = 1 and p = erfc(1 / sqrt 2).
     */
    @Test
    void handWorkedExample() {
        int[] y = {1, 1, 1, 0, 0};
        double[] a = {0.9, 0.8, 0.4, 0.4, 0.3};
        double[] b = {0.7, 0.7, 0.5, 0.7, 0.2};
        PairedComparison c = DeLong.compare(y, a, b);
        assertEquals(11 / 12.0, c.estimateA(), 1e-15);
        assertEquals(2 / 3.0, c.estimateB(), 1e-15);
        assertEquals(0.25, c.difference(), 1e-15);
        assertEquals(0.31731050786291415, c.pValue(), 1e-12);
        assertEquals(0.25 - 1.959963984540054 * 0.25, c.lower(), 1e-12);
    }

    @Test
    void fastComponentsMatchTheQuadraticDefinitionWithTies() {
        TestData d1 = TestData.binary(21, 120, 0.3, 1);
        TestData d2 = TestData.binary(22, 120, 0.3, 1);
        int[] y = d1.labels();
        double[] a = Ranking.column(d1.probs(), 1);
        double[] b = Ranking.column(d2.probs(), 1);
        for (int i = 0; i < y.length; i++) {
            b[i] = Math.round((0.5 * b[i] + 0.5 * a[i]) * 10) / 10.0;
        }
        PairedComparison fast = DeLong.compare(y, a, b);
        double[] naive = naiveDeLong(y, a, b);
        assertEquals(naive[0], fast.difference(), 1e-12);
        assertEquals(naive[1], (fast.upper() - fast.difference()) / 1.959963984540054, 1e-12);
        assertEquals(Ranking.rocAuc(y, a).value(), fast.estimateA(), 1e-12);
    }

    @Test
    void identicalScoresGivePOne() {
        TestData d = TestData.binary(23, 60, 0.5, 1);
        double[] s = Ranking.column(d.probs(), 1);
        PairedComparison c = DeLong.compare(d.labels(), s, s.clone());
        assertEquals(0.0, c.difference());
        assertEquals(1.0, c.pValue());
    }

    @Test
    void tooFewPositivesIsNanWithNote() {
        PairedComparison c = DeLong.compare(new int[] {1, 0, 0}, new double[] {0.9, 0.1, 0.2},
                new double[] {0.5, 0.4, 0.6});
        assertTrue(Double.isNaN(c.pValue()));
        assertTrue(c.note().contains("at least two positives"));
    }

    @Test
    void rejectsAtRoughlyTheNominalRateUnderTheNull() {
        // Two independent noisy readings of the same latent score: equal true AUCs.
        SplittableRandom rng = new SplittableRandom(5);
        int rejections = 0;
        int trials = 300;
        for (int t = 0; t < trials; t++) {
            int n = 80;
            int[] y = new int[n];
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = i % 2;
                double latent = y[i] + rng.nextGaussian();
                a[i] = latent + rng.nextGaussian();
                b[i] = latent + rng.nextGaussian();
            }
            if (DeLong.compare(y, a, b).pValue() < 0.05) {
                rejections++;
            }
        }
        assertTrue(rejections >= 5 && rejections <= 30, "rejections " + rejections + " of " + trials);
    }

    /** {difference, se} from the O(mn) structural components of DeLong et al. 1988. */
    private static double[] naiveDeLong(int[] y, double[] a, double[] b) {
        int m = 0;
        for (int v : y) {
            m += v;
        }
        int n = y.length - m;
        double[] d10 = new double[m];
        double[] d01 = new double[n];
        double diff = 0;
        int pi = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 1) {
                continue;
            }
            int nj = 0;
            for (int j = 0; j < y.length; j++) {
                if (y[j] == 0) {
                    double d = psi(a[i], a[j]) - psi(b[i], b[j]);
                    d10[pi] += d / n;
                    d01[nj] += d / m;
                    diff += d / ((double) m * n);
                    nj++;
                }
            }
            pi++;
        }
        return new double[] {diff, Math.sqrt(sampleVar(d10) / m + sampleVar(d01) / n)};
    }

    private static double psi(double x, double y) {
        return x > y ? 1 : x == y ? 0.5 : 0;
    }

    private static double sampleVar(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return ss / (v.length - 1);
    }
}
