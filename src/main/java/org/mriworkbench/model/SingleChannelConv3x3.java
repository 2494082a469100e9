package org.mriworkbench.model;

import java.nio.FloatBuffer;

/**
 * A 3x3, stride-1, zero-padded ("Same") convolution of a one-channel image: forward pass and weight gradient, as
 * plain row loops that the JIT vectorises. Used by {@link InputConvHelper} for a network's first layer.
 *
 * <p>Why: with one input channel there is almost nothing to compute (9 multiply-adds per output value), and oneDNN's
 * general kernels spend their time reordering NCHW into blocked layouts and back: the step profile
 * ({@code bench.StepProfile}) put the first conv at a quarter of a training step at 64 px and over a third at 128 px.
 * Here the output is one vectorised pass per (image, channel) over nine shifted copies of the image, and the weight
 * gradient one pass over each delta row with nine accumulators.
 *
 * <p>Arrays are float NCHW, contiguous: {@code x [n, 1, h, w]}, {@code weights [outC, 1, 3, 3]}, output and
 * {@code delta [n, outC, h, w]}. Work is split by output channel in the gradient (each task owns its channel's nine
 * weights, so the sums do not depend on the thread count) and by (image, channel) plane in the forward pass.
 */
final class SingleChannelConv3x3 {

    private SingleChannelConv3x3() {
    }

    /** {@code out[i, o] = sum over the 3x3 window of w[o] * x[i]} (+ {@code bias[o]} when not null). */
    static void forward(FloatBuffer x, float[] weights, float[] bias, FloatBuffer out, int n, int outC, int h, int w) {
        int hw = h * w;
        RowBatchNormHelper.run(n * outC, 9 * hw, (from, to) -> {
            float[] padded = new float[(h + 2) * (w + 2)];
            // shifted[k][y * w + c] = image[y + ky - 1][c + kx - 1], k = 3 ky + kx: nine whole-image views, so that
            // the loop below reads nine arrays at the same index, which the JIT vectorises (shifted reads of one
            // array it does not).
            float[][] shifted = new float[9][hw];
            float[] r = new float[hw];
            int lastImage = -1;
            for (int plane = from; plane < to; plane++) {
                int img = plane / outC;
                int o = plane % outC;
                if (img != lastImage) {
                    pad(x, img, h, w, padded);
                    for (int k = 0; k < 9; k++) {
                        for (int y = 0; y < h; y++) {
                            System.arraycopy(padded, (y + k / 3) * (w + 2) + k % 3, shifted[k], y * w, w);
                        }
                    }
                    lastImage = img;
                }
                float b = bias == null ? 0f : bias[o];
                int k = o * 9;
                float w0 = weights[k], w1 = weights[k + 1], w2 = weights[k + 2];
                float w3 = weights[k + 3], w4 = weights[k + 4], w5 = weights[k + 5];
                float w6 = weights[k + 6], w7 = weights[k + 7], w8 = weights[k + 8];
                float[] s0 = shifted[0], s1 = shifted[1], s2 = shifted[2], s3 = shifted[3], s4 = shifted[4];
                float[] s5 = shifted[5], s6 = shifted[6], s7 = shifted[7], s8 = shifted[8];
                for (int i = 0; i < hw; i++) {
                    r[i] = b + w0 * s0[i] + w1 * s1[i] + w2 * s2[i] + w3 * s3[i] + w4 * s4[i] + w5 * s5[i]
                            + w6 * s6[i] + w7 * s7[i] + w8 * s8[i];
                }
                out.put(plane * hw, r, 0, hw);
            }
        });
    }

    /** Copies image {@code img} of {@code x} into the middle of {@code padded}, whose one-pixel border stays zero. */
    private static void pad(FloatBuffer x, int img, int h, int w, float[] padded) {
        for (int y = 0; y < h; y++) {
            x.get((img * h + y) * w, padded, (y + 1) * (w + 2) + 1, w);
        }
    }

    /**
     * Weight gradient {@code gw[o, ky, kx] = sum over images and pixels of delta[i, o, y, x] * x[i, y+ky-1, x+kx-1]}
     * (zero outside the image), and {@code gb[o] = sum of delta[i, o]} when {@code gb} is not null. Each row's nine
     * sums run in nine independent float accumulators (one pass over the row), and rows are added up in double.
     */
    static void weightGradient(FloatBuffer x, FloatBuffer delta, float[] gw, float[] gb, int n, int outC, int h,
                               int w) {
        int pw = w + 2;
        RowBatchNormHelper.run(outC, 9 * n * h * w, (from, to) -> {
            float[] in = new float[(h + 2) * pw];
            float[] d = new float[w];
            for (int o = from; o < to; o++) {
                double[] sum = new double[10];
                for (int img = 0; img < n; img++) {
                    pad(x, img, h, w, in);
                    for (int y = 0; y < h; y++) {
                        delta.get(((img * outC + o) * h + y) * w, d, 0, w);
                        int r0 = y * pw;
                        int r1 = r0 + pw;
                        int r2 = r1 + pw;
                        float s00 = 0, s01 = 0, s02 = 0, s10 = 0, s11 = 0, s12 = 0, s20 = 0, s21 = 0, s22 = 0, sb = 0;
                        for (int c = 0; c < w; c++) {
                            float v = d[c];
                            s00 += v * in[r0 + c];
                            s01 += v * in[r0 + c + 1];
                            s02 += v * in[r0 + c + 2];
                            s10 += v * in[r1 + c];
                            s11 += v * in[r1 + c + 1];
                            s12 += v * in[r1 + c + 2];
                            s20 += v * in[r2 + c];
                            s21 += v * in[r2 + c + 1];
                            s22 += v * in[r2 + c + 2];
                            sb += v;
                        }
                        sum[0] += s00;
                        sum[1] += s01;
                        sum[2] += s02;
                        sum[3] += s10;
                        sum[4] += s11;
                        sum[5] += s12;
                        sum[6] += s20;
                        sum[7] += s21;
                        sum[8] += s22;
                        sum[9] += sb;
                    }
                }
                for (int k = 0; k < 9; k++) {
                    gw[o * 9 + k] = (float) sum[k];
                }
                if (gb != null) {
                    gb[o] = (float) sum[9];
                }
            }
        });
    }
}
