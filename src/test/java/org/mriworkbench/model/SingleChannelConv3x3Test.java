package org.mriworkbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The direct first-layer kernels against a plain double-precision reference, at sizes that exercise the row blocks:
 * heights that are not a multiple of the block, rows wider than a block, a single row and a single column.
 */
class SingleChannelConv3x3Test {

    private static final int[][] SIZES = {{1, 1}, {1, 5}, {7, 1}, {9, 7}, {37, 50}, {3, 700}, {64, 64}};

    private static float[] random(Random r, int n, double offset) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextGaussian() + offset);
        }
        return a;
    }

    private static double at(float[] x, int img, int h, int w, int y, int c) {
        return y < 0 || y >= h || c < 0 || c >= w ? 0 : x[(img * h + y) * w + c];
    }

    @Test
    void forwardMatchesAPlainConvolution() {
        Random r = new Random(11);
        for (int[] hw : SIZES) {
            int n = 3, outC = 4, h = hw[0], w = hw[1];
            float[] x = random(r, n * h * w, 0.5);
            float[] wt = random(r, outC * 9, 0);
            float[] bias = random(r, outC, 0);
            float[] out = new float[n * outC * h * w];
            SingleChannelConv3x3.forward(FloatBuffer.wrap(x), wt, bias, FloatBuffer.wrap(out), n, outC, h, w);
            for (int i = 0; i < n; i++) {
                for (int o = 0; o < outC; o++) {
                    for (int y = 0; y < h; y++) {
                        for (int c = 0; c < w; c++) {
                            double e = bias[o];
                            for (int k = 0; k < 9; k++) {
                                e += wt[o * 9 + k] * at(x, i, h, w, y + k / 3 - 1, c + k % 3 - 1);
                            }
                            assertEquals(e, out[((i * outC + o) * h + y) * w + c], 1e-5,
                                    "forward at " + h + "x" + w);
                        }
                    }
                }
            }
        }
    }

    @Test
    void weightGradientMatchesAPlainSumAndIsRepeatable() {
        Random r = new Random(12);
        for (int[] hw : SIZES) {
            int n = 5, outC = 3, h = hw[0], w = hw[1];
            float[] x = random(r, n * h * w, 2.0); // off-centre, as image intensities are
            float[] d = random(r, n * outC * h * w, 0);
            float[] gw = new float[outC * 9];
            float[] gb = new float[outC];
            SingleChannelConv3x3.weightGradient(FloatBuffer.wrap(x), FloatBuffer.wrap(d), gw, gb, n, outC, h, w);
            for (int o = 0; o < outC; o++) {
                double b = 0;
                double[] e = new double[9];
                for (int i = 0; i < n; i++) {
                    for (int y = 0; y < h; y++) {
                        for (int c = 0; c < w; c++) {
                            double v = d[((i * outC + o) * h + y) * w + c];
                            b += v;
                            for (int k = 0; k < 9; k++) {
                                e[k] += v * at(x, i, h, w, y + k / 3 - 1, c + k % 3 - 1);
                            }
                        }
                    }
                }
                double tol = 1e-5 * Math.sqrt(n * h * w) * 4;
                for (int k = 0; k < 9; k++) {
                    assertEquals(e[k], gw[o * 9 + k], tol, "tap " + k + " at " + h + "x" + w);
                }
                assertEquals(b, gb[o], tol, "bias at " + h + "x" + w);
            }
            float[] again = new float[outC * 9];
            SingleChannelConv3x3.weightGradient(FloatBuffer.wrap(x), FloatBuffer.wrap(d), again, null, n, outC, h, w);
            assertArrayEquals(gw, again, "bit for bit on a second run");
        }
    }
}
