package org.mriworkbench.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mriworkbench.core.FloatImage;

class CropToHeadTest {

    /** A 100x80 black frame with a bright 40x30 "head" at (30, 20), a noise speck and a thin line of "text". */
    private static FloatImage slice(int channels) {
        int w = 100;
        int h = 80;
        float[] p = new float[w * h * channels];
        for (int c = 0; c < channels; c++) {
            for (int y = 20; y < 50; y++) {
                for (int x = 30; x < 70; x++) {
                    p[c * w * h + y * w + x] = 0.5f + 0.01f * ((x + y) % 7);
                }
            }
            p[c * w * h + 2 * w + 3] = 1f; // single bright speck in a corner
            p[c * w * h + 75 * w + 90] = 0.9f; // one pixel of burnt-in text
        }
        return new FloatImage(w, h, channels, p);
    }

    @Test
    void cropsToTheHeadPlusMarginIgnoringSpecks() {
        FloatImage img = slice(1);
        CropToHead crop = new CropToHead(0.1, 0.1);
        assertArrayEquals(new int[] {26, 17, 73, 52}, crop.box(img), "40x30 box widened by 4 and 3 pixels");
        FloatImage out = crop.apply(img);
        assertEquals(48, out.width());
        assertEquals(36, out.height());
        assertEquals(img.get(0, 20, 30), out.get(0, 3, 4), "pixels are copied, not resampled");
        FloatImage noMargin = new CropToHead(0.1, 0).apply(img);
        assertEquals(40, noMargin.width());
        assertEquals(30, noMargin.height());
        FloatImage rgb = new CropToHead(0.1, 0).apply(slice(3));
        assertEquals(3, rgb.channels());
        assertEquals(noMargin.get(0, 5, 5), rgb.get(2, 5, 5));
    }

    @Test
    void blankOrFullFrameImagesAreLeftAlone() {
        FloatImage black = new FloatImage(16, 16, 1, new float[256]);
        assertSame(black, CropToHead.standard().apply(black));
        float[] full = new float[256];
        java.util.Arrays.fill(full, 0.7f);
        FloatImage filled = new FloatImage(16, 16, 1, full);
        assertSame(filled, CropToHead.standard().apply(filled));
    }

    @Test
    void pipelineCropsBeforeResizeAndRecordsItInJson() {
        Preprocessing p = Preprocessing.standard(64).withHeadCrop(true);
        assertEquals("grayscale -> crop-to-head(threshold=0.1,margin=0.05) -> resize-pad(64) -> "
                + "normalize-intensity(0.5,99.5)", p.describe());
        assertTrue(p.cropsToHead());
        assertEquals(p, Preprocessing.fromJson(p.toJson()));
        assertEquals(Preprocessing.standard(64), p.withHeadCrop(false));
        assertEquals(p, p.withHeadCrop(true), "no second crop step");
        // The head now fills the input: with the standard pipeline it would occupy 40 of 64 columns.
        FloatImage in = p.apply(slice(1));
        FloatImage plain = Preprocessing.standard(64).apply(slice(1));
        assertTrue(foregroundColumns(in) > foregroundColumns(plain) + 15,
                foregroundColumns(in) + " vs " + foregroundColumns(plain));
    }

    private static int foregroundColumns(FloatImage f) {
        int n = 0;
        for (int x = 0; x < f.width(); x++) {
            float mx = 0;
            for (int y = 0; y < f.height(); y++) {
                mx = Math.max(mx, f.get(0, y, x));
            }
            n += mx > 0.3f ? 1 : 0;
        }
        return n;
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new CropToHead(0, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new CropToHead(1, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new CropToHead(0.1, -0.1));
    }
}
