package org.mriworkbench.preprocess;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import org.mriworkbench.core.FloatImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GaussianDenoiseTest {

    @Test
    void kernelHasRadiusThreeSigmaAndSumsToOne() {
        float[] k = new GaussianDenoise(1.5).kernel();
        assertEquals(2 * 5 + 1, k.length); // ceil(4.5) = 5
        double sum = 0;
        for (float v : k) {
            sum += v;
        }
        assertEquals(1, sum, 1e-6);
        assertEquals(k[0], k[k.length - 1]);
        assertTrue(k[5] > k[4] && k[4] > k[3]);
    }

    @Test
    void constantImageKeepsItsMean() {
        FloatImage img = ResizePadTest.constant(20, 15, 2, 0.7f);
        for (float v : new GaussianDenoise(2).apply(img).pixels()) {
            assertEquals(0.7f, v, 1e-6f);
        }
    }

    @Test
    void impulseSpreadsIntoTheSeparableGaussian() {
        int n = 21;
        float[] p = new float[n * n];
        p[10 * n + 10] = 1f;
        GaussianDenoise g = new GaussianDenoise(1);
        FloatImage out = g.apply(new FloatImage(n, n, 1, p));
        float[] k = g.kernel();
        double sum = 0;
        for (float v : out.pixels()) {
            sum += v;
        }
        assertEquals(1, sum, 1e-5, "mass is preserved away from the border");
        assertTrue(out.get(0, 10, 10) < 0.2f, "peak is smoothed: " + out.get(0, 10, 10));
        for (int dy = -3; dy <= 3; dy++) {
            for (int dx = -3; dx <= 3; dx++) {
                assertEquals(k[dy + 3] * k[dx + 3], out.get(0, 10 + dy, 10 + dx), 1e-6f);
            }
        }
        assertEquals(0f, out.get(0, 10, 14));
    }

    @Test
    void edgesAreClampedNotDarkened() {
        float[] p = new float[10 * 10];
        Arrays.fill(p, 1f);
        FloatImage out = new GaussianDenoise(1).apply(new FloatImage(10, 10, 1, p));
        assertEquals(1f, out.get(0, 0, 0), 1e-6f);
        assertEquals(1f, out.get(0, 9, 9), 1e-6f);
    }

    @Test
    void zeroSigmaIsTheIdentity() {
        FloatImage img = ResizePadTest.random(8, 8, 1, 3);
        assertSame(img, new GaussianDenoise(0).apply(img));
    }

    @Test
    void doesNotWriteIntoItsInputAndValidatesSigma() {
        FloatImage img = ResizePadTest.random(8, 8, 1, 3);
        float[] before = img.copyPixels();
        new GaussianDenoise(0.8).apply(img);
        assertEquals(Arrays.toString(before), Arrays.toString(img.pixels()));
        assertThrows(IllegalArgumentException.class, () -> new GaussianDenoise(-1));
        assertThrows(IllegalArgumentException.class, () -> new GaussianDenoise(Double.NaN));
        assertEquals("gaussian-denoise(0.8)", new GaussianDenoise(0.8).describe());
    }
}
