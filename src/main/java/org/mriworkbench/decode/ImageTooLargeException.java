package org.mriworkbench.decode;

import java.nio.file.Path;

/**
 * An image whose header declares more pixels than allowed, refused before a single pixel is decoded. A JPEG of a few
 * hundred kilobytes can declare 30,000 × 30,000 pixels and decode to 900 MB, or end the JVM with
 * OutOfMemoryError and lose a whole scan; reading the dimensions from the header first makes that a skipped file.
 */
public final class ImageTooLargeException extends ImageDecodeException {

    private final int width;
    private final int height;

    public ImageTooLargeException(Path path, int width, int height, long maxPixels) {
        super(path, String.format(java.util.Locale.ROOT,
                "image too large: header declares %d x %d = %,d pixels, more than the limit of %,d; not decoded",
                width, height, (long) width * height, maxPixels));
        this.width = width;
        this.height = height;
    }

    /** A file too large to be an image within the limit, refused before it is read; width and height are -1. */
    public ImageTooLargeException(Path path, long bytes, long maxBytes) {
        super(path, String.format(java.util.Locale.ROOT,
                "file too large: %,d bytes, more than an image within the pixel limit can need (%,d); not read",
                bytes, maxBytes));
        this.width = -1;
        this.height = -1;
    }

    /** Width declared in the header, or -1 when the file was refused by its size. */
    public int width() {
        return width;
    }

    /** Height declared in the header, or -1 when the file was refused by its size. */
    public int height() {
        return height;
    }
}
