package org.mriworkbench.preprocess;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import org.mriworkbench.core.FloatImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalizeIntensityTest {

    private static FloatImage image(float... px) {
        return new FloatImage(px.length, 1, 1, px);
    }

    @Test
    void minMaxMapsMinimumToZeroAndMaximumToOne() {
        FloatImage out = NormalizeIntensity.minMax().apply(image(0.2f, 0.4f, 0.6f));
        assertEquals(0f, out.pixels()[0]);
        assertEquals(0.5f, out.pixels()[1], 1e-6f);
        assertEquals(1f, out.pixels()[2], 1e-6f);
    }

    @Test
    void outputStaysInUnitRangeForAnyInput() {
        Random rnd = new Random(5);
        float[] p = new float[5000];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (rnd.nextGaussian() * 300 - 40);
        }
        for (NormalizeIntensity n : new NormalizeIntensity[] {NormalizeIntensity.robust(),
                NormalizeIntensity.minMax(), new NormalizeIntensity(2, 98)}) {
            float[] out = n.apply(new FloatImage(100, 50, 1, p)).pixels();
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float v : out) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertEquals(0f, min, n.describe());
            assertEquals(1f, max, 1e-6f, n.describe());
        }
    }

    @Test
    void robustDefaultIgnoresAFewHotPixels() {
        float[] p = new float[1000];
        for (int i = 0; i < p.length; i++) {
            p[i] = (i % 100) / 1000f; // tissue in [0, 0.099]
        }
        p[0] = 1f; // one hot pixel
        p[1] = 0.9f;
        float[] robust = NormalizeIntensity.robust().apply(new FloatImage(1000, 1, 1, p)).pixels();
        float[] plain = NormalizeIntensity.minMax().apply(new FloatImage(1000, 1, 1, p)).pixels();
        assertEquals(1f, robust[99], 1e-6f, "brightest tissue reaches the top of the range");
        assertTrue(plain[99] < 0.1f, "min-max lets one hot pixel squash the tissue: " + plain[99]);
        assertEquals(1f, robust[0]); // clipped
    }

    @Test
    void percentilesMatchSortedReferenceWithLinearInterpolation() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + rnd.nextInt(3000);
            float[] p = new float[n];
            for (int i = 0; i < n; i++) {
                p[i] = rnd.nextInt(4) == 0 ? 0f : Math.round(rnd.nextFloat() * 50) / 50f; // many ties
            }
            double lo = rnd.nextDouble() * 10;
            double hi = 90 + rnd.nextDouble() * 10;
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float v : p) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            float[] got = NormalizeIntensity.percentiles(p, min, max, lo, hi);
            float[] sorted = p.clone();
            Arrays.sort(sorted);
            assertEquals(reference(sorted, lo), got[0], 1e-6f, "low, trial " + trial);
            assertEquals(reference(sorted, hi), got[1], 1e-6f, "high, trial " + trial);
        }
    }

    private static float reference(float[] sorted, double q) {
        double pos = q / 100 * (sorted.length - 1);
        int k = (int) Math.floor(pos);
        if (k + 1 >= sorted.length) {
            return sorted[k];
        }
        return (float) (sorted[k] + (pos - k) * (sorted[k + 1] - sorted[k]));
    }

    @Test
    void constantImageBecomesZeros() {
        for (float v : NormalizeIntensity.robust().apply(image(0.3f, 0.3f, 0.3f)).pixels()) {
            assertEquals(0f, v);
        }
    }

    @Test
    void coincidingPercentilesFallBackToMinMax() {
        float[] p = new float[1000]; // almost all black, a few bright pixels
        p[10] = 0.5f;
        p[20] = 1f;
        float[] out = NormalizeIntensity.robust().apply(new FloatImage(1000, 1, 1, p)).pixels();
        assertEquals(0.5f, out[10], 1e-6f);
        assertEquals(1f, out[20], 1e-6f);
    }

    @Test
    void normalisesAllChannelsTogether() {
        FloatImage rgb = new FloatImage(1, 1, 3, new float[] {0.2f, 0.4f, 0.6f});
        float[] out = NormalizeIntensity.minMax().apply(rgb).pixels();
        assertEquals(0f, out[0]);
        assertEquals(0.5f, out[1], 1e-6f);
        assertEquals(1f, out[2], 1e-6f);
    }

    @Test
    void doesNotWriteIntoItsInput() {
        float[] p = {0.5f, 0.1f, 0.9f, 0.1f};
        NormalizeIntensity.robust().apply(image(p));
        assertEquals(Arrays.toString(new float[] {0.5f, 0.1f, 0.9f, 0.1f}), Arrays.toString(p));
    }

    @Test
    void describesParametersAndRejectsBadRanges() {
        assertEquals("normalize-intensity(0.5,99.5)", NormalizeIntensity.robust().describe());
        assertThrows(IllegalArgumentException.class, () -> new NormalizeIntensity(50, 50));
        assertThrows(IllegalArgumentException.class, () -> new NormalizeIntensity(-1, 99));
        assertThrows(IllegalArgumentException.class, () -> new NormalizeIntensity(1, 101));
        assertThrows(IllegalArgumentException.class, () -> new NormalizeIntensity(Double.NaN, 99));
    }
}
