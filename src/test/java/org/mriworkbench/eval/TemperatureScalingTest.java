package org.mriworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.mriworkbench.core.ArgMax;
import org.junit.jupiter.api.Test;

class TemperatureScalingTest {

    /** Labels drawn from softmax(base); the returned logits are base * sharpen, i.e. over-confident for sharpen &gt; 1. */
    private static double[][] logits(long seed, int n, int k, double sharpen, int[] labelsOut) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] z = new double[n][k];
        for (int i = 0; i < n; i++) {
            double[] base = new double[k];
            double sum = 0;
            for (int c = 0; c < k; c++) {
                base[c] = 1.5 * rng.nextGaussian();
                sum += Math.exp(base[c]);
            }
            double u = rng.nextDouble() * sum;
            int label = k - 1;
            for (int c = 0; c < k; c++) {
                u -= Math.exp(base[c]);
                if (u <= 0) {
                    label = c;
                    break;
                }
            }
            labelsOut[i] = label;
            for (int c = 0; c < k; c++) {
                z[i][c] = base[c] * sharpen;
            }
        }
        return z;
    }

    @Test
    void recoversTheTemperatureOfOverconfidentLogits() {
        int[] labels = new int[4000];
        double[][] z = logits(7, 4000, 4, 2.5, labels);
        TemperatureScaling ts = TemperatureScaling.fit(labels, z);
        assertEquals(2.5, ts.temperature(), 0.25);
        assertTrue(ts.nllAfter() < ts.nllBefore());
        double t = ts.temperature();
        assertTrue(TemperatureScaling.nll(labels, z, t) <= TemperatureScaling.nll(labels, z, t * 1.001));
        assertTrue(TemperatureScaling.nll(labels, z, t) <= TemperatureScaling.nll(labels, z, t / 1.001));
    }

    @Test
    void keepsArgmaxAndReducesCalibrationError() {
        int[] labels = new int[2000];
        double[][] z = logits(8, 2000, 4, 3.0, labels);
        TemperatureScaling ts = TemperatureScaling.fit(labels, z);
        double[][] before = new TemperatureScaling(1.0, 0, 0).apply(z);
        double[][] after = ts.apply(z);
        assertArrayEquals(ArgMax.ofRows(before), ArgMax.ofRows(after));
        assertTrue(Calibration.expectedCalibrationError(labels, after)
                < Calibration.expectedCalibrationError(labels, before));
    }

    @Test
    void unitTemperatureOnProbabilitiesIsIdentity() {
        double[][] p = {{0.7, 0.2, 0.1}, {0.25, 0.25, 0.5}};
        double[][] q = new TemperatureScaling(1.0, 0, 0).applyToProbabilities(p);
        for (int i = 0; i < p.length; i++) {
            assertArrayEquals(p[i], q[i], 1e-12);
        }
        int[] labels = new int[3000];
        double[][] calibrated = new TemperatureScaling(1.0, 0, 0).apply(logits(9, 3000, 3, 1.0, labels));
        assertEquals(1.0, TemperatureScaling.fitOnProbabilities(labels, calibrated).temperature(), 0.1);
    }
}
