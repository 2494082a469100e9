package org.mriworkbench.data;

import java.util.List;
import org.mriworkbench.core.FloatImage;
import org.mriworkbench.decode.ImageDecoder;

/**
 * Intensity facts of one decoded grayscale image, before any preprocessing: size, mean, spread, percentiles and how
 * much of it is near-black background. Scanners, sequences and export tools differ exactly here (windowing,
 * brightness, margins, resolution), so comparing these per-image figures between a new folder and the training
 * images is the first check of whether a model is being used out of its distribution. Normalisation in the
 * preprocessing hides some of these differences from the network, but not all (background share and contrast
 * survive it), and none of them from a reader.
 *
 * @param width             pixels
 * @param height            pixels
 * @param mean              mean intensity in [0, 1]
 * @param std               population standard deviation of the intensities
 * @param p1                1st percentile
 * @param p50               median
 * @param p99               99th percentile
 * @param nearBlackFraction share of pixels below {@link #NEAR_BLACK}, mostly the background around the head
 */
public record ImageIntensity(int width, int height, double mean, double std, double p1, double p50, double p99,
                             double nearBlackFraction) {

    /** Intensities below this (about 13 of 255) count as near-black background; JPEG noise stays below it. */
    public static final double NEAR_BLACK = 0.05;

    /** Names of the per-image statistics, in the order of {@link #values()}. */
    public static final List<String> STATISTICS = List.of("mean", "std", "p1", "p50", "p99", "near-black");

    /** Histogram bins for the percentiles: finer than 8-bit steps, so 8-bit images get exact percentiles. */
    private static final int BINS = 4096;

    /**
     * The statistics of a single-channel image with samples in [0, 1] (as {@link ImageDecoder#decodeGray} returns).
     * Percentiles are the lower edge of the histogram bin where the cumulative share first reaches p, within
     * 1/{@value #BINS} of the exact order statistic.
     */
    public static ImageIntensity of(FloatImage gray) {
        if (gray.channels() != 1) {
            throw new IllegalArgumentException("need a grayscale image, got " + gray.channels() + " channels");
        }
        float[] px = gray.pixels();
        long[] hist = new long[BINS];
        double sum = 0;
        double sumSq = 0;
        long dark = 0;
        for (float f : px) {
            double v = Math.max(0, Math.min(1, f));
            sum += v;
            sumSq += v * v;
            dark += v < NEAR_BLACK ? 1 : 0;
            hist[Math.min(BINS - 1, (int) (v * BINS))]++;
        }
        int n = px.length;
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        return new ImageIntensity(gray.width(), gray.height(), mean, std, percentile(hist, n, 0.01),
                percentile(hist, n, 0.5), percentile(hist, n, 0.99), dark / (double) n);
    }

    private static double percentile(long[] hist, int n, double p) {
        double target = p * n;
        long cum = 0;
        for (int b = 0; b < hist.length; b++) {
            cum += hist[b];
            if (cum >= target && cum > 0) {
                return b / (double) BINS;
            }
        }
        return 1.0;
    }

    /** The statistics named by {@link #STATISTICS}, in that order. */
    public double[] values() {
        return new double[] {mean, std, p1, p50, p99, nearBlackFraction};
    }

    /** {@code WIDTHxHEIGHT}. */
    public String size() {
        return width + "x" + height;
    }
}
