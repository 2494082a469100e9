package org.mriworkbench.data;

import org.junit.jupiter.api.Test;
import org.mriworkbench.core.FloatImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Per-image intensity statistics on images with known pixels. */
class ImageIntensityTest {

    @Test
    void halfBlackHalfWhite() {
        float[] px = new float[100];
        for (int i = 50; i < 100; i++) {
            px[i] = 1f;
        }
        ImageIntensity s = ImageIntensity.of(new FloatImage(10, 10, 1, px));
        assertEquals(0.5, s.mean(), 1e-12);
        assertEquals(0.5, s.std(), 1e-12);
        assertEquals(0.0, s.p1(), 1e-12);
        assertEquals(1.0, s.p99(), 1e-3);
        assertEquals(0.5, s.nearBlackFraction(), 1e-12);
        assertEquals("10x10", s.size());
        assertEquals(ImageIntensity.STATISTICS.size(), s.values().length);
    }

    @Test
    void eightBitPercentilesAreExactToTheHistogramBin() {
        float[] px = new float[256];
        for (int i = 0; i < 256; i++) {
            px[i] = i / 255f;
        }
        ImageIntensity s = ImageIntensity.of(new FloatImage(16, 16, 1, px));
        assertEquals(127 / 255.0, s.p50(), 1.0 / 4096);
        assertEquals(2 / 255.0, s.p1(), 1.0 / 4096);
        assertEquals(13 / 256.0, s.nearBlackFraction(), 1e-12, "values 0..12 of 255 are below 0.05");
    }

    @Test
    void colourImagesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ImageIntensity.of(new FloatImage(2, 2, 3, new float[12])));
    }
}
