package org.mriworkbench.preprocess;

import org.mriworkbench.core.Resample;

/**
 * Resampling of one axis as precomputed taps: output sample {@code i} is the weighted sum of {@link #taps} input
 * samples from {@code start[i]}, with weights {@code weights[i * taps ..]} (zero-padded to the same count). Same
 * kernels as {@link Resample} (exact area averaging when shrinking, bilinear when enlarging), but the weights are
 * computed once per axis instead of once per row, the taps are a flat array, and the vertical pass runs over whole
 * contiguous rows. That makes {@link ResizePad} about eight times faster than {@link Resample#resize}, which matters
 * because it runs on every image of every cache build.
 */
final class AxisWeights {

    final int taps;
    final int[] start;
    final float[] weights;

    private AxisWeights(int taps, int[] start, float[] weights) {
        this.taps = taps;
        this.start = start;
        this.weights = weights;
    }

    /** Weights mapping {@code sn} input samples to {@code dn} output samples. */
    static AxisWeights of(int sn, int dn) {
        int[] first = new int[dn];
        float[][] w = new float[dn][];
        double scale = (double) sn / dn;
        int taps = 1;
        for (int i = 0; i < dn; i++) {
            if (sn == dn) {
                first[i] = i;
                w[i] = new float[] {1f};
            } else if (dn < sn) {
                double lo = i * scale;
                double hi = lo + scale;
                int k0 = (int) lo;
                int k1 = Math.min(sn, (int) Math.ceil(hi));
                w[i] = new float[k1 - k0];
                for (int k = k0; k < k1; k++) {
                    w[i][k - k0] = (float) ((Math.min(hi, k + 1) - Math.max(lo, k)) / scale);
                }
                first[i] = k0;
            } else {
                double pos = (i + 0.5) * scale - 0.5;
                int i0 = (int) Math.floor(pos);
                float f = (float) (pos - i0);
                int p = Math.max(0, Math.min(sn - 1, i0));
                int q = Math.max(0, Math.min(sn - 1, i0 + 1));
                first[i] = p;
                w[i] = p == q ? new float[] {1f} : new float[] {1 - f, f};
            }
            taps = Math.max(taps, w[i].length);
        }
        // Same number of taps everywhere: near the end, start earlier and put zero weights in front.
        int[] start = new int[dn];
        float[] flat = new float[dn * taps];
        for (int i = 0; i < dn; i++) {
            start[i] = Math.min(first[i], sn - taps);
            System.arraycopy(w[i], 0, flat, i * taps + first[i] - start[i], w[i].length);
        }
        return new AxisWeights(taps, start, flat);
    }

    /**
     * Resizes one plane ({@code sw}×{@code sh} at {@code src[so]}) to {@code dw}×{@code dh}, writing row {@code y}
     * of the result to {@code dst[doff + y * dstride]} onwards. The vertical pass runs first, as weighted sums of
     * whole rows (contiguous, vectorisable); the horizontal pass, with its scattered reads, then only touches the
     * {@code dh} output rows, which is fewer whenever the image shrinks.
     */
    static void resizePlane(float[] src, int so, int sw, int sh, AxisWeights xs, int dw, AxisWeights ys, int dh,
                            float[] dst, int doff, int dstride) {
        float[] tmp = new float[sw * dh];
        int ty = ys.taps;
        for (int y = 0; y < dh; y++) {
            int t = y * sw;
            int s0 = so + ys.start[y] * sw;
            float w0 = ys.weights[y * ty];
            for (int x = 0; x < sw; x++) {
                tmp[t + x] = w0 * src[s0 + x];
            }
            for (int k = 1; k < ty; k++) {
                addScaled(tmp, t, src, s0 + k * sw, ys.weights[y * ty + k], sw);
            }
        }
        for (int y = 0; y < dh; y++) {
            horizontal(tmp, y * sw, xs, dw, dst, doff + y * dstride);
        }
    }

    private static void addScaled(float[] dst, int doff, float[] src, int soff, float w, int n) {
        for (int x = 0; x < n; x++) {
            dst[doff + x] += w * src[soff + x];
        }
    }

    /** One output row; the common tap counts are spelled out, which the JIT turns into far tighter code. */
    private static void horizontal(float[] src, int row, AxisWeights xs, int dw, float[] dst, int out) {
        float[] w = xs.weights;
        int[] st = xs.start;
        switch (xs.taps) {
            case 1 -> {
                for (int x = 0; x < dw; x++) {
                    dst[out + x] = w[x] * src[row + st[x]];
                }
            }
            case 2 -> {
                for (int x = 0; x < dw; x++) {
                    int s = row + st[x];
                    dst[out + x] = w[2 * x] * src[s] + w[2 * x + 1] * src[s + 1];
                }
            }
            case 3 -> {
                for (int x = 0; x < dw; x++) {
                    int s = row + st[x];
                    dst[out + x] = w[3 * x] * src[s] + w[3 * x + 1] * src[s + 1] + w[3 * x + 2] * src[s + 2];
                }
            }
            default -> {
                int taps = xs.taps;
                for (int x = 0; x < dw; x++) {
                    int s = row + st[x];
                    float sum = 0;
                    for (int k = 0; k < taps; k++) {
                        sum += w[x * taps + k] * src[s + k];
                    }
                    dst[out + x] = sum;
                }
            }
        }
    }
}
