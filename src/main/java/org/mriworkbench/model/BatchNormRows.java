package org.mriworkbench.model;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The row kernels of {@link RowBatchNormHelper}: statistics, normalisation and the two backward passes over
 * contiguous rows of floats (one row per image and channel), each row streamed through chunks of {@value #CHUNK}
 * floats that stay in the L1 cache.
 *
 * <p>Why chunks and lanes: Java 17's C2 vectorises a loop only when all its arrays are read and written at the same
 * index from 0, and never a running sum in one variable. So each chunk is copied to the start of a scratch array,
 * sums go into a lane array ({@code lane[i] += chunk[i]}, one lane per chunk position), and the lanes of a row are
 * added in double, in lane order, at its end. Every row's sums depend only on that row, never on how rows are split
 * across threads. The ReLU derivative is a multiplication by 0 or 1 computed with min/max ({@link #keep}), which C2
 * also vectorises, where comparisons or bit tricks would stay scalar.
 */
final class BatchNormRows {

    static final int CHUNK = 256;

    private final float[] a = new float[CHUNK];
    private final float[] g = new float[CHUNK];
    private final float[] lane1 = new float[CHUNK];
    private final float[] lane2 = new float[CHUNK];
    private double sum1;
    private double sum2;

    /**
     * Per row, one pass about a pivot k (the mean of the row's first chunk, close to the row mean, so that squares
     * about it lose nothing to cancellation): {@code stats[3r]} = sum of (x - k), {@code stats[3r+1]} = sum of
     * (x - k)^2, {@code stats[3r+2]} = k.
     */
    void statistics(FloatBuffer x, int len, int from, int to, double[] stats) {
        for (int r = from; r < to; r++) {
            int base = r * len;
            int first = Math.min(CHUNK, len);
            Arrays.fill(lane1, 0, first, 0f);
            Arrays.fill(lane2, 0, first, 0f);
            x.get(base, a, 0, first);
            float k = (float) (total(a, first) / first);
            for (int off = 0; off < len; off += CHUNK) {
                int n = Math.min(CHUNK, len - off);
                if (off > 0) {
                    x.get(base + off, a, 0, n);
                }
                for (int i = 0; i < n; i++) {
                    float d = a[i] - k;
                    lane1[i] += d;
                    lane2[i] += d * d;
                }
            }
            totals(first);
            stats[3 * r] = sum1;
            stats[3 * r + 1] = sum2;
            stats[3 * r + 2] = k;
        }
    }

    /** out = x * scale[ch] + shift[ch], then ReLU when asked; row r is channel r % c. */
    void normalise(FloatBuffer x, FloatBuffer out, int len, int c, int from, int to, float[] scale, float[] shift,
                   boolean relu) {
        for (int r = from; r < to; r++) {
            float s = scale[r % c];
            float k = shift[r % c];
            for (int off = 0; off < len; off += CHUNK) {
                int n = Math.min(CHUNK, len - off);
                x.get(r * len + off, a, 0, n);
                if (relu) {
                    for (int i = 0; i < n; i++) {
                        a[i] = Math.max(a[i] * s + k, 0f);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        a[i] = a[i] * s + k;
                    }
                }
                out.put(r * len + off, a, 0, n);
            }
        }
    }

    /**
     * Per row: {@code sums[2r]} = sum of g, {@code sums[2r+1]} = sum of g * (x - mean[ch]), where g = dy, masked by
     * ReLU's derivative at the forward output x * reluScale + reluShift when ReLU is fused (reluScale not null). When
     * {@code maskedOut} is not null, g is also written there: the fused ReLU layer's own backward step
     * ({@link RowBatchNormHelper#reluBackward}), which has to copy dy anyway.
     */
    void gradientSums(FloatBuffer dy, FloatBuffer x, FloatBuffer maskedOut, int len, int c, int from, int to,
                      float[] mean, double[] sums, float[] reluScale, float[] reluShift) {
        for (int r = from; r < to; r++) {
            int ch = r % c;
            float m = mean[ch];
            Arrays.fill(lane1, 0, Math.min(CHUNK, len), 0f);
            Arrays.fill(lane2, 0, Math.min(CHUNK, len), 0f);
            for (int off = 0; off < len; off += CHUNK) {
                int n = Math.min(CHUNK, len - off);
                dy.get(r * len + off, g, 0, n);
                x.get(r * len + off, a, 0, n);
                if (reluScale != null) {
                    mask(n, reluScale[ch], reluShift[ch]);
                }
                if (maskedOut != null) {
                    maskedOut.put(r * len + off, g, 0, n);
                }
                for (int i = 0; i < n; i++) {
                    lane1[i] += g[i];
                }
                for (int i = 0; i < n; i++) {
                    lane2[i] += g[i] * (a[i] - m);
                }
            }
            totals(Math.min(CHUNK, len));
            sums[2 * r] = sum1;
            sums[2 * r + 1] = sum2;
        }
    }

    /** dx = k1[ch] * g + k2[ch] * (x - mean[ch]) + k3[ch], g as in {@link #gradientSums}. */
    void inputGradient(FloatBuffer dy, FloatBuffer x, FloatBuffer out, int len, int c, int from, int to, float[] mean,
                       float[] k1, float[] k2, float[] k3, float[] reluScale, float[] reluShift) {
        for (int r = from; r < to; r++) {
            int ch = r % c;
            float m = mean[ch];
            float p = k1[ch];
            float q = k2[ch];
            float k = k3[ch];
            for (int off = 0; off < len; off += CHUNK) {
                int n = Math.min(CHUNK, len - off);
                dy.get(r * len + off, g, 0, n);
                x.get(r * len + off, a, 0, n);
                if (reluScale != null) {
                    mask(n, reluScale[ch], reluShift[ch]);
                }
                for (int i = 0; i < n; i++) {
                    g[i] = g[i] * p + (a[i] - m) * q + k;
                }
                out.put(r * len + off, g, 0, n);
            }
        }
    }

    /** g[i] *= ReLU's derivative at the forward output a[i] * scale + shift. */
    private void mask(int n, float scale, float shift) {
        for (int i = 0; i < n; i++) {
            g[i] = g[i] * keep(a[i] * scale + shift);
        }
    }

    /**
     * 1 where {@code y > 0}, else 0, without a comparison: the smallest positive float times 2^200 is above 1, so
     * clamping {@code y * 2^100 * 2^100} (exact powers of two) to [0, 1] gives exactly 0 or 1.
     */
    static float keep(float y) {
        return Math.min(Math.max(y * 0x1p100f * 0x1p100f, 0f), 1f);
    }

    /**
     * {@link #sum1} and {@link #sum2}: the first {@code n} lanes of {@link #lane1} and {@link #lane2}, each added in
     * double in lane order. One loop for both, so the two chains of dependent additions overlap: these latency-bound
     * sums were the largest single item of batch norm's CPU time (each row's lanes are added once per pass).
     */
    private void totals(int n) {
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            s1 += lane1[i];
            s2 += lane2[i];
        }
        sum1 = s1;
        sum2 = s2;
    }

    private static double total(float[] lane, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += lane[i];
        }
        return s;
    }
}
