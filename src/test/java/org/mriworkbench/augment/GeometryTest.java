package org.mriworkbench.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mriworkbench.core.FloatImage;

/** Known answers for the deterministic warps behind the random transforms. */
class GeometryTest {

    private final FloatImage img = TestImages.noise(32, 24, 2, 5);

    @Test
    void flipTwiceIsIdentity() {
        RandFlip flip = new RandFlip(1.0);
        FloatImage once = flip.apply(img, new SplittableRandom(1));
        assertEquals(img, flip.apply(once, new SplittableRandom(2)));
        assertEquals(img.get(1, 3, 0), once.get(1, 3, 31));
    }

    @Test
    void rotateZeroIsIdentity() {
        assertTrue(TestImages.maxAbsDiff(img, new RandRotate(0, 1.0).apply(img, new SplittableRandom(1))) < 1e-6);
        assertTrue(TestImages.maxAbsDiff(img, RandRotate.rotate(img, 1e-9)) < 1e-6);
    }

    @Test
    void rotate90TurnsCounterClockwiseOnScreen() {
        float[] p = new float[9 * 9];
        p[4 * 9 + 7] = 1f; // right of centre
        FloatImage turned = RandRotate.rotate(new FloatImage(9, 9, 1, p), 90);
        assertEquals(1f, turned.get(0, 1, 4), 1e-5); // now above centre
    }

    @Test
    void translateByWholePixelsShiftsExactly() {
        FloatImage moved = RandTranslate.translate(img, 3, -2);
        assertEquals(img.get(0, 10, 5), moved.get(0, 8, 8), 1e-6);
        assertEquals(0f, moved.get(1, 23, 0)); // uncovered corner is filled with 0
    }

    @Test
    void zoomOneIsIdentityAndZoomOutPadsWithZero() {
        assertTrue(TestImages.maxAbsDiff(img, RandZoom.zoom(img, 1.0)) < 1e-6);
        FloatImage small = RandZoom.zoom(img, 0.5);
        assertEquals(0f, small.get(0, 0, 0));
        assertEquals(0f, small.get(1, 23, 31));
    }

    @Test
    void brightnessContrastClampsToUnitRange() {
        FloatImage bright = RandBrightnessContrast.adjust(img, 0.5, 3.0);
        for (float v : bright.pixels()) {
            assertTrue(v >= 0f && v <= 1f);
        }
        assertTrue(TestImages.maxAbsDiff(img, RandBrightnessContrast.adjust(img, 0, 1)) < 1e-6);
    }
}
