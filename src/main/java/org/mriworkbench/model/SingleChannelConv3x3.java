package org.mriworkbench.model;

import java.nio.FloatBuffer;

/**
 * A 3x3, stride-1, zero-padded ("Same") convolution of a one-channel image: forward pass and weight gradient, as
 * plain loops that the JIT vectorises. Used by {@link InputConvHelper} for a network's first layer.
 *
 * <p>Why: with one input channel there is almost nothing to compute (9 multiply-adds per output value), and oneDNN's
 * general kernels spend their time reordering NCHW into blocked layouts and back: the step profile
 * ({@code bench.StepProfile}) put the first conv at a quarter of a training step at 64 px and over a third at 128 px.
 *
 * <p>How: the image is cut into blocks of whole rows (about {@value #BLOCK} pixels, which stay in the L1 cache), and
 * each block is copied once into nine shifted copies, one per tap ({@link #shift}). Every inner loop then reads and
 * writes arrays at the <em>same</em> index from 0, with at most four arrays per loop: Java 17's C2 only vectorises
 * loops of that shape (reads of one array at several offsets, or of nine arrays at once, stay scalar and ran at about
 * 4 ns per pixel, 10 times slower). The weight gradient is one pass over each delta row with ten independent float
 * accumulators; a vectorised version with per-pixel lanes (summing over the images) measured no faster.
 *
 * <p>Arrays are float NCHW, contiguous: {@code x [n, 1, h, w]}, {@code weights [outC, 1, 3, 3]}, output and
 * {@code delta [n, outC, h, w]}. The forward pass is split by (image, block), each output written by one task; the
 * weight gradient by output channel (each task owns its channel's nine weights). So neither result depends on the
 * number of threads.
 */
final class SingleChannelConv3x3 {

    /** Target pixels per block: nine shifted copies and the output block (40 KB) stay in L1/L2. */
    static final int BLOCK = 512;

    private SingleChannelConv3x3() {
    }

    /** Rows per block for images {@code w} pixels wide. */
    private static int blockRows(int h, int w) {
        return Math.max(1, Math.min(h, BLOCK / w));
    }

    /** {@code out[i, o] = sum over the 3x3 window of w[o] * x[i]} (+ {@code bias[o]} when not null). */
    static void forward(FloatBuffer x, float[] weights, float[] bias, FloatBuffer out, int n, int outC, int h, int w) {
        int hw = h * w;
        int rows = blockRows(h, w);
        int blocks = (h + rows - 1) / rows;
        RowBatchNormHelper.run(n * blocks, 9 * hw * outC / blocks, (from, to) -> {
            float[] padded = new float[(rows + 2) * (w + 2)];
            float[][] s = new float[9][rows * w];
            float[] r = new float[rows * w];
            for (int unit = from; unit < to; unit++) {
                int img = unit / blocks;
                int y0 = (unit % blocks) * rows;
                int len = Math.min(rows, h - y0) * w;
                shift(x, img, h, w, y0, len / w, padded, s);
                float[] s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3], s4 = s[4];
                float[] s5 = s[5], s6 = s[6], s7 = s[7], s8 = s[8];
                for (int o = 0; o < outC; o++) {
                    float b = bias == null ? 0f : bias[o];
                    int k = o * 9;
                    float w0 = weights[k], w1 = weights[k + 1], w2 = weights[k + 2];
                    float w3 = weights[k + 3], w4 = weights[k + 4], w5 = weights[k + 5];
                    float w6 = weights[k + 6], w7 = weights[k + 7], w8 = weights[k + 8];
                    // Three passes, evaluated left to right as one chain b + w0*s0 + ... + w8*s8 would be.
                    for (int i = 0; i < len; i++) {
                        r[i] = b + w0 * s0[i] + w1 * s1[i] + w2 * s2[i];
                    }
                    for (int i = 0; i < len; i++) {
                        r[i] = r[i] + w3 * s3[i] + w4 * s4[i] + w5 * s5[i];
                    }
                    for (int i = 0; i < len; i++) {
                        r[i] = r[i] + w6 * s6[i] + w7 * s7[i] + w8 * s8[i];
                    }
                    out.put((img * outC + o) * hw + y0 * w, r, 0, len);
                }
            }
        });
    }

    /**
     * Fills {@code s[k][j]}, for the {@code count} rows from {@code y0} of image {@code img}, with the input pixel
     * tap {@code k = 3 ky + kx} reads for output pixel j: {@code x[y + ky - 1][c + kx - 1]}, zero outside the image.
     */
    private static void shift(FloatBuffer x, int img, int h, int w, int y0, int count, float[] padded, float[][] s) {
        int pw = w + 2;
        for (int py = 0; py < count + 2; py++) {
            int y = y0 + py - 1;
            int at = py * pw;
            padded[at] = 0f;
            padded[at + pw - 1] = 0f;
            if (y < 0 || y >= h) {
                java.util.Arrays.fill(padded, at, at + pw, 0f);
            } else {
                x.get((img * h + y) * w, padded, at + 1, w);
            }
        }
        for (int k = 0; k < 9; k++) {
            for (int y = 0; y < count; y++) {
                System.arraycopy(padded, (y + k / 3) * pw + k % 3, s[k], y * w, w);
            }
        }
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
