package org.mriworkbench.phantom;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.mriworkbench.core.FloatImage;

/**
 * File-level helpers of {@link PhantomGenerator}. JPEG encoding goes through memory only
 * ({@link MemoryCacheImageOutputStream}) so that it touches no global ImageIO state such as the disk cache, and it
 * picks the JDK's own encoder when several are registered, because plug-in order is not guaranteed and another
 * encoder could write other bytes for the same pixels.
 */
final class PhantomFiles {

    private static final String JDK_JPEG_WRITER = "com.sun.imageio.plugins.jpeg.JPEGImageWriter";

    private PhantomFiles() {
    }

    /** 8-bit grayscale JPEG of a single-channel image with values in [0,1]. */
    static byte[] encodeJpeg(FloatImage image, float quality) throws IOException {
        if (image.channels() != 1) {
            throw new IllegalArgumentException("phantoms are grayscale, got " + image.channels() + " channels");
        }
        BufferedImage gray = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                float v = Math.max(0f, Math.min(1f, image.get(0, y, x)));
                data[y * image.width() + x] = (byte) Math.round(v * 255f);
            }
        }
        ImageWriter writer = jpegWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(gray, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static ImageWriter jpegWriter() throws IOException {
        ImageWriter chosen = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (chosen == null || w.getClass().getName().equals(JDK_JPEG_WRITER)) {
                chosen = w;
            }
        }
        if (chosen == null) {
            throw new IOException("no JPEG encoder available in this JVM");
        }
        return chosen;
    }
}
