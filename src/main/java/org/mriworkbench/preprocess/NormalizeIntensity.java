package org.mriworkbench.preprocess;

import org.mriworkbench.core.FloatImage;

/**
 * Rescales each image's intensities to [0,1]. MRI intensities have no absolute unit: the same tissue comes out
 * brighter or darker depending on scanner, coil and windowing, so each image is normalised on its own.
 *
 * <p>The range is taken between two percentiles of the image's samples (all channels together), and samples outside
 * it are clipped. The default, {@link #robust()}, uses the 0.5th and 99.5th percentiles: a handful of very bright
 * pixels (flow artefacts, fat, burnt-in annotations) then cannot squash the tissue contrast into a narrow band, while
 * at most 0.5% of samples saturate at each end. {@link #minMax()} (0th and 100th) is plain min-max scaling and never
 * clips. Percentiles interpolate linearly between order statistics, as numpy's default does.
 *
 * <p>When applied after {@link ResizePad}, the black padding takes part in the statistics; it only lowers the low
 * percentile towards 0, which MRI backgrounds are anyway. If the two percentiles coincide (an image that is almost
 * all one value) the full min-max range is used instead, and a constant image becomes all zeros, since there is no
 * contrast to stretch.
 *
 * @param lowPercentile  in [0,100), the value mapped to 0
 * @param highPercentile in (low,100], the value mapped to 1
 */
public record NormalizeIntensity(double lowPercentile, double highPercentile) implements ImageOp {

    public NormalizeIntensity {
        if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100)) {
            throw new IllegalArgumentException("need 0 <= low < high <= 100, got " + lowPercentile + ", "
                    + highPercentile);
        }
    }

    /** The default: percentiles 0.5 and 99.5, robust to a few outlying pixels. */
    public static NormalizeIntensity robust() {
        return new NormalizeIntensity(0.5, 99.5);
    }

    /** Plain min-max scaling without clipping. */
    public static NormalizeIntensity minMax() {
        return new NormalizeIntensity(0, 100);
    }

    @Override
    public FloatImage apply(FloatImage img) {
        float[] p = img.pixels();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : p) { // plain comparisons: Math.min/max on floats do not vectorise
            min = v < min ? v : min;
            max = v > max ? v : max;
        }
        float lo = min;
        float hi = max;
        if (lowPercentile > 0 || highPercentile < 100) {
            float[] range = percentiles(p, min, max, lowPercentile, highPercentile);
            if (range[1] > range[0]) {
                lo = range[0];
                hi = range[1];
            }
        }
        float[] out = new float[p.length];
        if (hi > lo) {
            float scale = 1f / (hi - lo);
            for (int i = 0; i < p.length; i++) {
                float v = (p[i] - lo) * scale;
                out[i] = v < 0f ? 0f : v > 1f ? 1f : v;
            }
        }
        return new FloatImage(img.width(), img.height(), img.channels(), out);
    }

    /**
     * The two percentiles of {@code values} (linear interpolation between order statistics), exactly, in O(n): a
     * histogram over [min, max] finds the bin holding each wanted rank, and only that bin's samples are searched.
     * Sorting every image instead cost about as much as decoding it, and this runs once per image on every cache
     * build.
     */
    static float[] percentiles(float[] values, float min, float max, double low, double high) {
        if (!(max > min)) {
            return new float[] {min, min};
        }
        int[] hist = new int[BINS];
        float scale = BINS / (max - min);
        int atMin = 0;
        for (float v : values) {
            hist[bin(v, min, scale)]++;
            if (v == min) {
                atMin++;
            }
        }
        return new float[] {percentile(values, hist, atMin, min, scale, low),
                percentile(values, hist, atMin, min, scale, high)};
    }

    private static final int BINS = 2048;

    private static int bin(float v, float min, float scale) {
        return Math.max(0, Math.min(BINS - 1, (int) ((v - min) * scale)));
    }

    private static float percentile(float[] values, int[] hist, int atMin, float min, float scale, double q) {
        int n = values.length;
        double pos = q / 100 * (n - 1);
        int k = (int) Math.floor(pos);
        int k1 = Math.min(n - 1, k + 1);
        if (k1 < atMin) {
            return min; // the usual low percentile of a slice on a black background: no search needed
        }
        // Find the bins holding ranks k and k+1, and how many samples lie in earlier bins.
        int before = 0;
        int b = 0;
        while (before + hist[b] <= k) {
            before += hist[b++];
        }
        int b1 = b;
        int upto = before + hist[b];
        while (upto <= k1) {
            upto += hist[++b1];
        }
        float[] g = new float[upto - before];
        int m = 0;
        for (float v : values) {
            int bv = bin(v, min, scale);
            if (bv >= b && bv <= b1) {
                g[m++] = v;
            }
        }
        int r = k - before;
        select(g, 0, g.length - 1, r);
        return interpolate(g, r, pos - k);
    }

    /** After {@code select(a, .., k)} a[k] is the k-th smallest; the (k+1)-th is the minimum of all right of it. */
    private static float interpolate(float[] a, int k, double frac) {
        if (frac == 0 || k + 1 >= a.length) {
            return a[k];
        }
        float next = Float.POSITIVE_INFINITY;
        for (int i = k + 1; i < a.length; i++) {
            next = Math.min(next, a[i]);
        }
        return (float) (a[k] + frac * (next - a[k]));
    }

    /**
     * Rearranges {@code a[lo..hi]} so that a[k] holds the value it would have if sorted, with nothing larger to its
     * left and nothing smaller to its right. Hoare partitioning with a median-of-three pivot stays linear on the many
     * equal (black) samples MRI slices have.
     */
    private static void select(float[] a, int lo, int hi, int k) {
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            float pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    @Override
    public String describe() {
        return "normalize-intensity(" + lowPercentile + "," + highPercentile + ")";
    }
}
