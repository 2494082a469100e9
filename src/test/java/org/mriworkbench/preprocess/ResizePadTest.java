package org.mriworkbench.preprocess;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import org.mriworkbench.core.FloatImage;
import org.mriworkbench.core.Resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResizePadTest {

    static FloatImage constant(int w, int h, int c, float v) {
        float[] p = new float[w * h * c];
        Arrays.fill(p, v);
        return new FloatImage(w, h, c, p);
    }

    static FloatImage random(int w, int h, int c, long seed) {
        Random rnd = new Random(seed);
        float[] p = new float[w * h * c];
        for (int i = 0; i < p.length; i++) {
            p[i] = rnd.nextFloat();
        }
        return new FloatImage(w, h, c, p);
    }

    @Test
    void wideImageGetsPaddingRowsTopAndBottom() {
        FloatImage out = new ResizePad(100).apply(constant(200, 100, 1, 1f));
        assertEquals(100, out.width());
        assertEquals(100, out.height());
        for (int y = 0; y < 100; y++) {
            float want = y >= 25 && y < 75 ? 1f : 0f;
            for (int x = 0; x < 100; x++) {
                assertEquals(want, out.get(0, y, x), 1e-6f, "row " + y + " col " + x);
            }
        }
    }

    @Test
    void tallImageGetsPaddingColumnsLeftAndRight() {
        FloatImage out = new ResizePad(64).apply(constant(32, 64, 2, 0.5f));
        assertEquals(2, out.channels());
        for (int c = 0; c < 2; c++) {
            for (int x = 0; x < 64; x++) {
                float want = x >= 16 && x < 48 ? 0.5f : 0f;
                assertEquals(want, out.get(c, 10, x), 1e-6f, "col " + x);
            }
        }
    }

    @Test
    void oddPaddingPutsTheExtraLineAtTheBottom() {
        FloatImage out = new ResizePad(10).apply(constant(10, 7, 1, 1f));
        assertEquals(0f, out.get(0, 0, 0));
        assertEquals(1f, out.get(0, 1, 0), 1e-6f);
        assertEquals(1f, out.get(0, 7, 0), 1e-6f);
        assertEquals(0f, out.get(0, 8, 0));
        assertEquals(0f, out.get(0, 9, 0));
    }

    @Test
    void squareImageOfTargetSizeIsReturnedAsIs() {
        FloatImage img = random(16, 16, 1, 1);
        assertSame(img, new ResizePad(16).apply(img));
    }

    @Test
    void enlargesBilinearly() {
        FloatImage out = new ResizePad(8).apply(constant(4, 4, 1, 0.25f));
        for (float v : out.pixels()) {
            assertEquals(0.25f, v, 1e-6f);
        }
    }

    @Test
    void agreesWithTheSharedResampleKernels() {
        FloatImage img = random(224, 224, 3, 2);
        FloatImage fast = new ResizePad(128).apply(img);
        FloatImage ref = Resample.resize(img, 128, 128);
        for (int i = 0; i < fast.pixels().length; i++) {
            assertEquals(ref.pixels()[i], fast.pixels()[i], 1e-5f, "sample " + i);
        }
        FloatImage up = new ResizePad(50).apply(random(30, 20, 1, 3));
        FloatImage upRef = Resample.resize(random(30, 20, 1, 3), 50, 33);
        for (int y = 0; y < 33; y++) {
            for (int x = 0; x < 50; x++) {
                assertEquals(upRef.get(0, y, x), up.get(0, y + 8, x), 1e-5f);
            }
        }
    }

    @Test
    void doesNotWriteIntoItsInput() {
        FloatImage img = random(40, 30, 1, 4);
        float[] before = img.copyPixels();
        new ResizePad(20).apply(img);
        assertEquals(Arrays.toString(before), Arrays.toString(img.pixels()));
    }

    @Test
    void describesItsSizeAndRejectsNonsense() {
        assertEquals("resize-pad(128)", new ResizePad(128).describe());
        assertThrows(IllegalArgumentException.class, () -> new ResizePad(0));
    }
}
