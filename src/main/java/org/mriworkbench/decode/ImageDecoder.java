package org.mriworkbench.decode;

import org.mriworkbench.core.FloatImage;
import org.mriworkbench.core.Luminance;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Turns JPEG and PNG bytes into a {@link FloatImage} scaled to [0,1] by bit depth, or fails with a reason a person
 * can act on. Public MRI collections mix grayscale, RGB, CMYK JPEGs and 16-bit PNGs, and some files are truncated or
 * are not images at all; a decoder that silently returns a half-grey picture for a truncated JPEG (as the JDK's does)
 * would poison training without anyone noticing, so read warnings are treated as failures.
 *
 * <p>The JDK's libjpeg-based reader is tried first because it is the fastest here; TwelveMonkeys' reader takes over
 * for what the JDK cannot read (CMYK and YCCK JPEGs, odd ICC profiles).
 *
 * <p>Two guards run before pixels are decoded. The image's width and height are read from its header and an image
 * above a pixel limit ({@link #DEFAULT_MAX_PIXELS} unless given) is refused with {@link ImageTooLargeException}, so a
 * decompression bomb costs a header read, not gigabytes. And a JPEG's EXIF orientation is honoured (the image is
 * rotated or flipped as every viewer shows it; see {@link ExifOrientation}), so the pixels a model learns from are
 * the picture a person sees when opening the file.
 */
public final class ImageDecoder {

    private static final String JDK_JPEG = "com.sun.imageio.plugins.jpeg.JPEGImageReader";

    /**
     * Default most pixels an image may declare: 8,192 × 8,192, many times any MRI slice (the public set's largest is
     * 1,920 × 1,080), yet small enough that decoding one costs at most 256 MB of floats.
     */
    public static final long DEFAULT_MAX_PIXELS = 8192L * 8192L;

    private ImageDecoder() {
    }

    /** The kinds of file this decoder recognises by their leading bytes. */
    public enum Format { JPEG, PNG }

    /** A decoded image with facts about its source file that the index records. */
    public record Decoded(FloatImage image, Format format, int sourceChannels, int bitDepth) {
    }

    /** Reads and decodes a file. */
    public static Decoded decode(Path file) throws ImageDecodeException {
        return decode(read(file, DEFAULT_MAX_PIXELS), file);
    }

    /**
     * Most bytes an image file within {@code maxPixels} can need: eight bytes a pixel (16-bit RGBA stored raw) plus
     * a megabyte of metadata. A larger file is refused before it is read into memory.
     */
    public static long maxFileBytes(long maxPixels) {
        long bytes = maxPixels > (Long.MAX_VALUE >> 4) ? Long.MAX_VALUE : maxPixels * 8 + (1 << 20);
        return Math.min(bytes, Integer.MAX_VALUE - 16L);
    }

    /**
     * The bytes of {@code file}, refused with {@link ImageTooLargeException} when the file is larger than an image
     * within {@code maxPixels} can need ({@link #maxFileBytes}).
     */
    public static byte[] read(Path file, long maxPixels) throws ImageDecodeException {
        try {
            long size = Files.size(file);
            long max = maxFileBytes(maxPixels);
            if (size > max) {
                throw new ImageTooLargeException(file, size, max);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImageDecodeException(file, "cannot read file: " + e.getMessage(), e);
        }
    }

    /** Decodes bytes already in memory; {@code source} only names the file in error messages. */
    public static Decoded decode(byte[] bytes, Path source) throws ImageDecodeException {
        return decode(bytes, source, DEFAULT_MAX_PIXELS);
    }

    /** As {@link #decode(byte[], Path)}, refusing images that declare more than {@code maxPixels} pixels. */
    public static Decoded decode(byte[] bytes, Path source, long maxPixels) throws ImageDecodeException {
        Format format = sniff(bytes, source);
        BufferedImage image = format == Format.JPEG ? readJpeg(bytes, source, false, new int[1], maxPixels)
                : readWith(pngReader(), bytes, source, false, new int[1], maxPixels);
        return oriented(toFloat(image, format, source, -1), bytes);
    }

    /**
     * Decodes to one luminance channel. For colour JPEGs this asks libjpeg for grayscale output, which skips
     * chroma decoding and colour conversion and halves the decode time (3,400 vs 1,700 images per CPU-second on the
     * real data); the luma it returns is the BT.601 luminance that {@link Luminance}
     * computes, up to rounding. {@link Decoded#sourceChannels()} still reports the file's own channel count.
     */
    public static Decoded decodeGray(byte[] bytes, Path source) throws ImageDecodeException {
        return decodeGray(bytes, source, DEFAULT_MAX_PIXELS);
    }

    /** As {@link #decodeGray(byte[], Path)}, refusing images that declare more than {@code maxPixels} pixels. */
    public static Decoded decodeGray(byte[] bytes, Path source, long maxPixels) throws ImageDecodeException {
        Format format = sniff(bytes, source);
        int[] sourceBands = {-1};
        BufferedImage image;
        if (format == Format.JPEG) {
            image = readJpeg(bytes, source, true, sourceBands, maxPixels);
        } else {
            image = readWith(pngReader(), bytes, source, false, new int[1], maxPixels);
        }
        Decoded d = toFloat(image, format, source, sourceBands[0]);
        FloatImage gray = Luminance.toGray(d.image());
        return oriented(gray == d.image() ? d : new Decoded(gray, d.format(), d.sourceChannels(), d.bitDepth()), bytes);
    }

    private static Decoded oriented(Decoded d, byte[] bytes) {
        if (d.format() != Format.JPEG) {
            return d;
        }
        int orientation = ExifOrientation.read(bytes);
        return orientation <= 1 ? d
                : new Decoded(ExifOrientation.apply(d.image(), orientation), d.format(), d.sourceChannels(),
                        d.bitDepth());
    }

    /** Reads a file and decodes it to one luminance channel; see {@link #decodeGray(byte[], Path)}. */
    public static Decoded decodeGray(Path file) throws ImageDecodeException {
        return decodeGray(read(file, DEFAULT_MAX_PIXELS), file);
    }

    /** Identifies the format from the file's magic number, ignoring its extension. */
    public static Format sniff(byte[] bytes, Path source) throws ImageDecodeException {
        if (bytes.length == 0) {
            throw new ImageDecodeException(source, "empty file (0 bytes)");
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Format.JPEG;
        }
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return Format.PNG;
        }
        String other = otherFormat(bytes);
        if (other != null) {
            throw new ImageDecodeException(source, "not a JPEG or PNG image: the content is " + other
                    + " (whatever the file name says); convert it to PNG or JPEG");
        }
        throw new ImageDecodeException(source, "not a JPEG or PNG image (unrecognised leading bytes, "
                + bytes.length + " bytes in file)");
    }

    /** Names formats that are sometimes saved under an image name, from their magic numbers; null if none. */
    private static String otherFormat(byte[] b) {
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "a GIF image";
        }
        if (b.length >= 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M') {
            return "a DICOM file (export the slice as PNG)";
        }
        if (b.length >= 4 && (b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0
                || b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42)) {
            return "a TIFF image";
        }
        if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
            return "a BMP image";
        }
        return null;
    }

    private static BufferedImage readJpeg(byte[] bytes, Path source, boolean gray, int[] sourceBands,
                                          long maxPixels) throws ImageDecodeException {
        List<ImageReader> readers = jpegReaders();
        ImageDecodeException first = null;
        for (ImageReader reader : readers) {
            try {
                return readWith(reader, bytes, source, gray, sourceBands, maxPixels);
            } catch (ImageDecodeException e) {
                if (first == null) {
                    first = e;
                }
                if (e.truncated() || e instanceof ImageTooLargeException) {
                    throw e; // another reader would only hide the same damage, or decode the bomb
                }
            }
        }
        throw first != null ? first : new ImageDecodeException(source, "no JPEG reader available");
    }

    private static List<ImageReader> jpegReaders() {
        List<ImageReader> jdk = new ArrayList<>();
        List<ImageReader> others = new ArrayList<>();
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg"); it.hasNext(); ) {
            ImageReader r = it.next();
            (r.getClass().getName().equals(JDK_JPEG) ? jdk : others).add(r);
        }
        jdk.addAll(others);
        return jdk;
    }

    private static ImageReader pngReader() throws ImageDecodeException {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("png");
        if (!it.hasNext()) {
            throw new ImageDecodeException(null, "no PNG reader available");
        }
        return it.next();
    }

    private static BufferedImage readWith(ImageReader reader, byte[] bytes, Path source, boolean gray,
                                          int[] sourceBands, long maxPixels) throws ImageDecodeException {
        List<String> warnings = new ArrayList<>();
        IIOReadWarningListener listener = (r, warning) -> warnings.add(warning);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener(listener);
            // Header only: neither reader decodes pixels to answer these.
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if ((long) width * height > maxPixels) {
                throw new ImageTooLargeException(source, width, height, maxPixels);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            if (gray) {
                ImageTypeSpecifier raw = reader.getRawImageType(0);
                if (raw != null) {
                    sourceBands[0] = raw.getNumBands();
                }
                for (Iterator<ImageTypeSpecifier> it = reader.getImageTypes(0); it.hasNext(); ) {
                    ImageTypeSpecifier t = it.next();
                    if (t.getBufferedImageType() == BufferedImage.TYPE_BYTE_GRAY) {
                        param.setDestinationType(t);
                        break;
                    }
                }
            }
            BufferedImage image = reader.read(0, param);
            if (!warnings.isEmpty()) {
                boolean truncated = warnings.stream().anyMatch(w -> w.toLowerCase().contains("premature end"));
                throw new ImageDecodeException(source, (truncated ? "truncated image: " : "damaged image: ")
                        + String.join("; ", warnings), null, truncated);
            }
            if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
                throw new ImageDecodeException(source, "decoder returned no image");
            }
            return image;
        } catch (IIOException e) {
            String msg = String.valueOf(e.getMessage());
            boolean truncated = msg.toLowerCase().contains("premature") || msg.toLowerCase().contains("eof");
            throw new ImageDecodeException(source, (truncated ? "truncated image: " : "corrupt image: ") + msg, e,
                    truncated);
        } catch (IOException | RuntimeException e) {
            // Decoders throw IndexOutOfBounds, IllegalArgument, etc. on garbage; report, never crash a scan.
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            boolean truncated = e instanceof java.io.EOFException;
            throw new ImageDecodeException(source, (truncated ? "truncated image: " : "corrupt image: ") + msg, e,
                    truncated);
        } finally {
            reader.removeIIOReadWarningListener(listener);
            reader.dispose();
        }
    }

    static Decoded toFloat(BufferedImage image, Format format, Path source, int knownSourceChannels)
            throws ImageDecodeException {
        int w = image.getWidth();
        int h = image.getHeight();
        int n = w * h;
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
            float[] out = new float[3 * n];
            for (int i = 0, j = 0; i < n; i++, j += 3) {
                out[i] = (data[j + 2] & 0xFF) * (1f / 255f);
                out[n + i] = (data[j + 1] & 0xFF) * (1f / 255f);
                out[2 * n + i] = (data[j] & 0xFF) * (1f / 255f);
            }
            return new Decoded(new FloatImage(w, h, 3, out), format, 3, 8);
        }
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = (data[i] & 0xFF) * (1f / 255f);
            }
            return new Decoded(new FloatImage(w, h, 1, out), format, knownSourceChannels > 0 ? knownSourceChannels : 1,
                    8);
        }
        if (image.getColorModel() instanceof IndexColorModel || !(image.getColorModel() instanceof ComponentColorModel)
                || bands > 4 || image.getColorModel().getColorSpace().getType() != java.awt.color.ColorSpace.TYPE_GRAY
                && image.getColorModel().getColorSpace().getType() != java.awt.color.ColorSpace.TYPE_RGB) {
            // Palettes, packed ints and CMYK rasters: let Java2D convert to sRGB.
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            float[] out = new float[3 * n];
            for (int i = 0; i < n; i++) {
                int p = argb[i];
                out[i] = ((p >> 16) & 0xFF) / 255f;
                out[n + i] = ((p >> 8) & 0xFF) / 255f;
                out[2 * n + i] = (p & 0xFF) / 255f;
            }
            int srcChannels = image.getColorModel().getNumColorComponents();
            return new Decoded(new FloatImage(w, h, 3, out), format, srcChannels,
                    image.getColorModel().getComponentSize(0));
        }
        // Component rasters of any depth (8- or 16-bit gray/RGB, with or without alpha): scale by bit depth.
        int colour = image.getColorModel().getNumColorComponents();
        int bits = raster.getSampleModel().getSampleSize(0);
        float scale = (float) (1.0 / ((1L << bits) - 1));
        float[] out = new float[colour * n];
        int[] buf = new int[n];
        for (int b = 0; b < colour; b++) {
            raster.getSamples(0, 0, w, h, b, buf);
            for (int i = 0; i < n; i++) {
                out[b * n + i] = buf[i] * scale;
            }
        }
        return new Decoded(new FloatImage(w, h, colour, out), format, colour, bits);
    }
}
