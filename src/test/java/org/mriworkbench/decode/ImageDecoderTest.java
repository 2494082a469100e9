package org.mriworkbench.decode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.core.FloatImage;
import org.mriworkbench.data.TestImages;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageDecoderTest {

    private static final Path SRC = Path.of("test.jpg");

    @Test
    void decodesRgbJpegToThreePlanesInUnitRange() throws Exception {
        ImageDecoder.Decoded d = ImageDecoder.decode(TestImages.jpeg(TestImages.rgbGray(40, 30, 1)), SRC);
        assertEquals(ImageDecoder.Format.JPEG, d.format());
        assertEquals(3, d.image().channels());
        assertEquals(40, d.image().width());
        assertEquals(30, d.image().height());
        assertEquals(8, d.bitDepth());
        for (float v : d.image().pixels()) {
            assertTrue(v >= 0 && v <= 1, "sample out of range: " + v);
        }
    }

    @Test
    void grayDecodeOfColourJpegMatchesLuminanceOfFullDecode() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.rgbGray(40, 30, 1));
        ImageDecoder.Decoded gray = ImageDecoder.decodeGray(jpeg, SRC);
        FloatImage reference = org.mriworkbench.core.Luminance.toGray(ImageDecoder.decode(jpeg, SRC).image());
        assertEquals(1, gray.image().channels());
        assertEquals(3, gray.sourceChannels(), "source channels still reported");
        float worst = 0;
        for (int i = 0; i < reference.pixels().length; i++) {
            worst = Math.max(worst, Math.abs(reference.pixels()[i] - gray.image().pixels()[i]));
        }
        // libjpeg's luma and BT.601 of its RGB output differ by rounding only.
        assertTrue(worst <= 2.5f / 255f, "largest difference " + worst * 255 + " grey levels");
    }

    @Test
    void decodesGrayJpegToOnePlane() throws Exception {
        ImageDecoder.Decoded d = ImageDecoder.decode(TestImages.jpeg(TestImages.gray(20, 10, 2)), SRC);
        assertEquals(1, d.image().channels());
        assertEquals(1, d.sourceChannels());
    }

    @Test
    void truncatedJpegIsRejectedAsTruncated() {
        ImageDecodeException e = assertThrows(ImageDecodeException.class,
                () -> ImageDecoder.decode(TestImages.truncatedJpeg(64, 64, 3), SRC));
        assertTrue(e.truncated(), e.reason());
        assertTrue(e.reason().contains("truncated"), e.reason());
        assertEquals(SRC, e.path());
    }

    @Test
    void zeroByteFileIsRejected(@TempDir Path dir) {
        Path f = TestImages.write(dir.resolve("empty.jpg"), new byte[0]);
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(f));
        assertTrue(e.reason().contains("empty"), e.reason());
        assertEquals(f, e.path());
    }

    @Test
    void textFileNamedJpgIsRejected(@TempDir Path dir) {
        Path f = TestImages.write(dir.resolve("notes.jpg"), "just some notes\n".getBytes());
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(f));
        assertTrue(e.reason().contains("not a JPEG or PNG"), e.reason());
    }

    @Test
    void missingFileIsRejectedWithReason(@TempDir Path dir) {
        ImageDecodeException e = assertThrows(ImageDecodeException.class,
                () -> ImageDecoder.decode(dir.resolve("gone.jpg")));
        assertTrue(e.reason().startsWith("cannot read file"), e.reason());
    }

    @Test
    void formatComesFromContentNotExtension() throws Exception {
        byte[] png = TestImages.png(TestImages.gray(8, 8, 4));
        assertEquals(ImageDecoder.Format.PNG, ImageDecoder.decode(png, Path.of("really-a-png.jpg")).format());
    }

    @Test
    void adobeCmykJpegDecodesToThreeChannels() throws Exception {
        byte[] cmyk = TestImages.cmykJpeg(16, 8);
        assertEquals("Adobe", new String(cmyk, 6, 5, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(0, cmyk[6 + 11], "Adobe transform 0: CMYK, no colour transform");
        assertEquals(4, sofComponents(cmyk));
        ImageDecoder.Decoded d = ImageDecoder.decode(cmyk, SRC);
        assertEquals(3, d.image().channels());
        assertEquals(4, d.sourceChannels());
        FloatImage img = d.image();
        for (int c = 0; c < 3; c++) {
            assertTrue(img.get(c, 4, 2) > 0.9f, "no ink should be white, got " + img.get(c, 4, 2));
            assertTrue(img.get(c, 4, 13) < 0.1f, "full black ink should be black, got " + img.get(c, 4, 13));
        }
    }

    /** Number of components in the first SOF0/SOF1/SOF2 frame header. */
    private static int sofComponents(byte[] jpeg) {
        for (int i = 2; i + 9 < jpeg.length; i++) {
            int m = jpeg[i + 1] & 0xFF;
            if ((jpeg[i] & 0xFF) == 0xFF && m >= 0xC0 && m <= 0xC2) {
                return jpeg[i + 9];
            }
        }
        return -1;
    }

    @Test
    void sixteenBitGrayPngScalesBy65535() throws Exception {
        int[] samples = {0, 1, 32768, 65535};
        ImageDecoder.Decoded d = ImageDecoder.decode(TestImages.gray16Png(4, 1, samples), SRC);
        assertEquals(ImageDecoder.Format.PNG, d.format());
        assertEquals(16, d.bitDepth());
        assertEquals(1, d.image().channels());
        for (int i = 0; i < samples.length; i++) {
            assertEquals(samples[i] / 65535f, d.image().pixels()[i], 1e-7f, "sample " + i);
        }
    }

    @Test
    void palettePngDecodesToItsColours() throws Exception {
        ImageDecoder.Decoded d = ImageDecoder.decode(TestImages.palettePng(8, 2), SRC);
        FloatImage img = d.image();
        assertEquals(3, img.channels());
        assertEquals(1f, img.get(0, 0, 0)); // red
        assertEquals(0f, img.get(2, 0, 0));
        assertEquals(0f, img.get(0, 1, 7)); // blue
        assertEquals(1f, img.get(2, 1, 7));
    }

    @Test
    void pixelBombIsRefusedFromTheHeaderWithoutDecoding() throws Exception {
        byte[] bomb = TestImages.pixelBombJpeg(30000, 30000);
        assertTrue(bomb.length < 10_000, "small on disk: " + bomb.length);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        ImageTooLargeException e = assertThrows(ImageTooLargeException.class,
                () -> ImageDecoder.decodeGray(bomb, Path.of("bomb.jpg")));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // A full decode would allocate 900 MB of samples (3.6 GB as floats); the header read allocates little.
        assertTrue(allocated < 64L << 20, "allocated " + allocated + " bytes");
        assertEquals(30000, e.width());
        assertEquals(30000, e.height());
        assertTrue(e.getMessage().contains("bomb.jpg") && e.reason().contains("30000 x 30000"), e.getMessage());
        assertThrows(ImageTooLargeException.class, () -> ImageDecoder.decode(bomb, Path.of("bomb.jpg")));
    }

    @Test
    void pixelLimitAppliesToPngAndIsInclusive() throws Exception {
        byte[] png = TestImages.png(TestImages.gray(20, 10, 3));
        assertEquals(20, ImageDecoder.decodeGray(png, SRC, 200).image().width(), "exactly at the limit is allowed");
        ImageTooLargeException e = assertThrows(ImageTooLargeException.class,
                () -> ImageDecoder.decodeGray(png, SRC, 199));
        assertTrue(e.reason().contains("20 x 10"), e.reason());
    }

    @Test
    void gifAndDicomContentAreNamed() {
        ImageDecodeException gif = assertThrows(ImageDecodeException.class,
                () -> ImageDecoder.decode(TestImages.gif(8, 8), Path.of("a.jpg")));
        assertTrue(gif.reason().contains("GIF"), gif.reason());
        ImageDecodeException dcm = assertThrows(ImageDecodeException.class,
                () -> ImageDecoder.decode(TestImages.dicom(), Path.of("b.jpg")));
        assertTrue(dcm.reason().contains("DICOM"), dcm.reason());
    }
}
