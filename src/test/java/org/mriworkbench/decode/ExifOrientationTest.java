package org.mriworkbench.decode;

import org.junit.jupiter.api.Test;
import org.mriworkbench.core.FloatImage;
import org.mriworkbench.data.TestImages;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExifOrientationTest {

    /** Rows [a b c] / [d e f] with a..f = 1..6. */
    private static final FloatImage ABC = new FloatImage(3, 2, 1, new float[] {1, 2, 3, 4, 5, 6});

    @Test
    void readsOrientationInBothByteOrders() {
        byte[] plain = TestImages.jpeg(TestImages.gray(8, 8, 1));
        assertEquals(1, ExifOrientation.read(plain), "no EXIF: as stored");
        for (int o = 1; o <= 8; o++) {
            assertEquals(o, ExifOrientation.read(TestImages.withExifOrientation(plain, o, true)));
            assertEquals(o, ExifOrientation.read(TestImages.withExifOrientation(plain, o, false)));
        }
        assertEquals(1, ExifOrientation.read(TestImages.withExifOrientation(plain, 42, true)), "invalid value ignored");
    }

    @Test
    void rotationsAndFlipsMoveThePixelsAsViewersShowThem() {
        // 6: rotate 90 degrees clockwise -> rows [d a] [e b] [f c]
        FloatImage r6 = ExifOrientation.apply(ABC, 6);
        assertEquals(2, r6.width());
        assertEquals(3, r6.height());
        assertArrayEquals(new float[] {4, 1, 5, 2, 6, 3}, r6.pixels());
        // 8: rotate 90 degrees anticlockwise -> rows [c f] [b e] [a d]
        assertArrayEquals(new float[] {3, 6, 2, 5, 1, 4}, ExifOrientation.apply(ABC, 8).pixels());
        assertArrayEquals(new float[] {6, 5, 4, 3, 2, 1}, ExifOrientation.apply(ABC, 3).pixels());
        assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4}, ExifOrientation.apply(ABC, 2).pixels());
        assertArrayEquals(new float[] {4, 5, 6, 1, 2, 3}, ExifOrientation.apply(ABC, 4).pixels());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, ExifOrientation.apply(ABC, 5).pixels());
        assertArrayEquals(new float[] {6, 3, 5, 2, 4, 1}, ExifOrientation.apply(ABC, 7).pixels());
        assertEquals(ABC, ExifOrientation.apply(ABC, 1));
    }

    @Test
    void decoderHonoursOrientationOfARealJpeg() throws Exception {
        // 32x16, bright top-left quadrant; stored sideways with orientation 6 it shows as 16x32, bright top-right.
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(32, 16,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                img.getRaster().setSample(x, y, 0, 255);
            }
        }
        byte[] jpeg = TestImages.withExifOrientation(TestImages.jpeg(img), 6, false);
        for (ImageDecoder.Decoded d : new ImageDecoder.Decoded[] {
                ImageDecoder.decode(jpeg, Path.of("r.jpg")), ImageDecoder.decodeGray(jpeg, Path.of("r.jpg"))}) {
            FloatImage f = d.image();
            assertEquals(16, f.width());
            assertEquals(32, f.height());
            assertTrue(f.get(0, 4, 12) > 0.8f, "top right is bright: " + f.get(0, 4, 12));
            assertTrue(f.get(0, 4, 3) < 0.2f, "top left is dark: " + f.get(0, 4, 3));
            assertTrue(f.get(0, 24, 12) < 0.2f, "bottom right is dark: " + f.get(0, 24, 12));
        }
    }
}
