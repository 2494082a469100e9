package org.mriworkbench.data;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Image files that tests write for themselves into a temporary folder, so that no image is ever committed and every
 * odd case (CMYK, 16-bit, palettes, truncation) is built from known pixels.
 */
public final class TestImages {

    private TestImages() {
    }

    /** A gray image with a diagonal gradient plus seeded noise, so that different seeds give different bytes. */
    public static BufferedImage gray(int w, int h, long seed) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = img.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.setSample(x, y, 0, Math.min(255, (x + y) * 255 / (w + h) + rnd.nextInt(32)));
            }
        }
        return img;
    }

    /** An RGB image whose three channels carry the same gray values, like the JPEGs of the public MRI set. */
    public static BufferedImage rgbGray(int w, int h, long seed) {
        BufferedImage g = gray(w, h, seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = g.getRaster().getSample(x, y, 0);
                img.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return img;
    }

    public static byte[] jpeg(BufferedImage img) {
        return encode(img, "jpeg");
    }

    public static byte[] png(BufferedImage img) {
        return encode(img, "png");
    }

    public static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid JPEG cut to half its length. */
    public static byte[] truncatedJpeg(int w, int h, long seed) {
        byte[] full = jpeg(rgbGray(w, h, seed));
        return Arrays.copyOf(full, full.length / 2);
    }

    /**
     * A real 4-component Adobe CMYK JPEG: left half without ink (white), right half full black ink. The samples are
     * written inverted, as Adobe applications store CMYK, and an APP14 "Adobe" segment with transform 0 (no colour
     * transform) is inserted after SOI, which is what marks a JPEG as Adobe CMYK to readers.
     */
    public static byte[] cmykJpeg(int w, int h) {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = x < w / 2 ? 0 : 255;
                r.setPixel(x, y, new int[] {255, 255, 255, 255 - k});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(1f);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bos)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(r, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        byte[] plain = bos.toByteArray();
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        byte[] out = new byte[plain.length + app14.length];
        System.arraycopy(plain, 0, out, 0, 2);
        System.arraycopy(app14, 0, out, 2, app14.length);
        System.arraycopy(plain, 2, out, 2 + app14.length, plain.length - 2);
        return out;
    }

    /** A 16-bit grayscale PNG with the given samples in row-major order. */
    public static byte[] gray16Png(int w, int h, int[] samples) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setSamples(0, 0, w, h, 0, samples);
        return png(img);
    }

    /** A palette PNG: left half palette entry 0 (pure red), right half entry 1 (pure blue). */
    public static byte[] palettePng(int w, int h) {
        byte[] reds = {(byte) 255, 0};
        byte[] greens = {0, 0};
        byte[] blues = {0, (byte) 255};
        IndexColorModel cm = new IndexColorModel(1, 2, reds, greens, blues);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY, cm);
        for (int y = 0; y < h; y++) {
            for (int x = w / 2; x < w; x++) {
                img.getRaster().setSample(x, y, 0, 1);
            }
        }
        return png(img);
    }

    /**
     * A decompression bomb: a small real gray JPEG whose frame header (SOF) is patched to declare {@code w}×{@code h}
     * pixels. It stays a few hundred bytes on disk; decoding it in full would need w·h bytes.
     */
    public static byte[] pixelBombJpeg(int w, int h) {
        byte[] jpeg = jpeg(gray(16, 16, 5));
        for (int i = 2; i + 8 < jpeg.length; i++) {
            int m = jpeg[i + 1] & 0xFF;
            if ((jpeg[i] & 0xFF) == 0xFF && m >= 0xC0 && m <= 0xC2) {
                // FF Cx, length(2), precision(1), height(2), width(2)
                jpeg[i + 5] = (byte) (h >> 8);
                jpeg[i + 6] = (byte) h;
                jpeg[i + 7] = (byte) (w >> 8);
                jpeg[i + 8] = (byte) w;
                return jpeg;
            }
        }
        throw new IllegalStateException("no SOF marker in the encoded JPEG");
    }

    /**
     * {@code jpeg} with an APP1 Exif segment inserted after SOI holding one IFD0 entry: Orientation (0x0112, SHORT)
     * = {@code orientation}, big-endian ("MM") TIFF byte order when {@code bigEndian}, else little-endian ("II").
     */
    public static byte[] withExifOrientation(byte[] jpeg, int orientation, boolean bigEndian) {
        java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(8 + 2 + 12 + 4)
                .order(bigEndian ? java.nio.ByteOrder.BIG_ENDIAN : java.nio.ByteOrder.LITTLE_ENDIAN);
        tiff.put(bigEndian ? (byte) 'M' : (byte) 'I').put(bigEndian ? (byte) 'M' : (byte) 'I');
        tiff.putShort((short) 42).putInt(8); // magic, offset of IFD0
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0); // no next IFD
        byte[] t = tiff.array();
        int len = 2 + 6 + t.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(t);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A real GIF image (what some tools save under a .jpg name). */
    public static byte[] gif(int w, int h) {
        return encode(gray(w, h, 11), "gif");
    }

    /** The start of a DICOM Part 10 file: 128-byte preamble, "DICM", then a few bytes of data elements. */
    public static byte[] dicom() {
        byte[] b = new byte[128 + 4 + 64];
        b[128] = 'D';
        b[129] = 'I';
        b[130] = 'C';
        b[131] = 'M';
        for (int i = 132; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    /** An RGBA PNG: opaque gray gradient with a transparent left column. */
    public static byte[] rgbaPng(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (x * 255) / Math.max(1, w - 1);
                int a = x == 0 ? 0 : 255;
                img.setRGB(x, y, (a << 24) | (v << 16) | (v << 8) | v);
            }
        }
        return png(img);
    }

    /** The four class folders of the Kaggle set. */
    public static final List<String> CLASSES = List.of("glioma", "meningioma", "notumor", "pituitary");

    /**
     * A miniature Kaggle layout ({@code Training/<class>} and {@code Testing/<class>}) with {@code perClass} small
     * RGB JPEGs of {@code w}×{@code h} in each class folder, all different.
     */
    public static Path kaggleTree(Path root, int perClass, int w, int h) {
        long seed = 1;
        for (String split : List.of("Training", "Testing")) {
            for (String cls : CLASSES) {
                for (int i = 0; i < perClass; i++) {
                    write(root.resolve(split).resolve(cls).resolve(cls + "_" + i + ".jpg"),
                            jpeg(rgbGray(w, h, seed++)));
                }
            }
        }
        return root;
    }

    private static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, bos)) {
                throw new IllegalStateException("no " + format + " writer for " + img);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }
}
