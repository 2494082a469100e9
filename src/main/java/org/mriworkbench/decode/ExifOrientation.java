package org.mriworkbench.decode;

import org.mriworkbench.core.FloatImage;

/**
 * A JPEG's EXIF orientation tag (0x0112), read from the bytes and applied to decoded pixels. Neither ImageIO reader
 * applies it, so without this a slice saved by a phone or a photo tool as "stored sideways, show rotated" would be
 * learnt sideways while every viewer shows it upright.
 *
 * <p>Why honour it rather than report it: the tag is the file's own statement of how it is meant to be seen, and
 * every viewer (browsers, PACS exports viewed in an image tool, the notebooks' own image display through the
 * browser) follows it; a label a person assigned was assigned to the upright picture. Skipping such files would lose
 * good data, and keeping them unrotated would silently train on a picture nobody looked at. The index records the
 * oriented width and height.
 */
final class ExifOrientation {

    private ExifOrientation() {
    }

    /**
     * The orientation (1–8) stored in the first EXIF APP1 segment of a JPEG, or 1 (as stored) when there is none or
     * it cannot be parsed. Only the markers before the first scan are read.
     */
    static int read(byte[] jpeg) {
        int i = 2; // after SOI
        while (i + 4 <= jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                return 1;
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return 1; // start of scan or end of image: no EXIF before the pixels
            }
            int len = u16(jpeg, i + 2, true);
            if (len < 2 || i + 2 + len > jpeg.length) {
                return 1;
            }
            if (marker == 0xE1 && len >= 8 && jpeg[i + 4] == 'E' && jpeg[i + 5] == 'x' && jpeg[i + 6] == 'i'
                    && jpeg[i + 7] == 'f' && jpeg[i + 8] == 0 && jpeg[i + 9] == 0) {
                return fromTiff(jpeg, i + 10, i + 2 + len);
            }
            i += 2 + len;
        }
        return 1;
    }

    /** Orientation from a TIFF structure in {@code b[start, end)}, IFD0 only. */
    private static int fromTiff(byte[] b, int start, int end) {
        if (start + 8 > end) {
            return 1;
        }
        boolean big;
        if (b[start] == 'M' && b[start + 1] == 'M') {
            big = true;
        } else if (b[start] == 'I' && b[start + 1] == 'I') {
            big = false;
        } else {
            return 1;
        }
        long ifd = u32(b, start + 4, big);
        if (ifd < 8 || start + ifd + 2 > end) {
            return 1;
        }
        int p = start + (int) ifd;
        int entries = u16(b, p, big);
        for (int e = 0; e < entries; e++) {
            int q = p + 2 + 12 * e;
            if (q + 12 > end) {
                return 1;
            }
            if (u16(b, q, big) == 0x0112) {
                int type = u16(b, q + 2, big);
                if (type != 3) { // SHORT
                    return 1;
                }
                int v = u16(b, q + 8, big);
                return v >= 1 && v <= 8 ? v : 1;
            }
        }
        return 1;
    }

    /**
     * {@code image} as it is meant to be shown under EXIF orientation {@code o}: 2 mirror left-right, 3 rotate 180°,
     * 4 mirror top-bottom, 5 transpose, 6 rotate 90° clockwise, 7 transverse, 8 rotate 90° anticlockwise.
     */
    static FloatImage apply(FloatImage image, int o) {
        if (o <= 1 || o > 8) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        boolean swap = o >= 5;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        int plane = w * h;
        float[] src = image.pixels();
        float[] out = new float[src.length];
        for (int c = 0; c < image.channels(); c++) {
            int base = c * plane;
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    int sx;
                    int sy;
                    switch (o) {
                        case 2 -> { sx = w - 1 - x; sy = y; }
                        case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                        case 4 -> { sx = x; sy = h - 1 - y; }
                        case 5 -> { sx = y; sy = x; }
                        case 6 -> { sx = y; sy = h - 1 - x; }
                        case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                        default -> { sx = w - 1 - y; sy = x; } // 8
                    }
                    out[base + y * ow + x] = src[base + sy * w + sx];
                }
            }
        }
        return new FloatImage(ow, oh, image.channels(), out);
    }

    private static int u16(byte[] b, int i, boolean big) {
        int a = b[i] & 0xFF;
        int c = b[i + 1] & 0xFF;
        return big ? (a << 8) | c : (c << 8) | a;
    }

    private static long u32(byte[] b, int i, boolean big) {
        long hi = u16(b, i, big);
        long lo = u16(b, i + 2, big);
        return big ? (hi << 16) | lo : (lo << 16) | hi;
    }
}
