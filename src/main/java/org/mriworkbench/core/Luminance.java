package org.mriworkbench.core;

/**
 * One luminance channel from colour channels (ITU-R BT.601 weights). It lives on the ground floor because three
 * stages need the same numbers: the decoder's grayscale fallback and the thumbnails it hashes, the grayscale
 * preprocessing step, and charts that draw a slice. One function keeps them from drifting apart.
 */
public final class Luminance {

    private Luminance() {
    }

    /** The luminance of an image; a single-channel image is returned as it is, gray + alpha keeps the gray plane. */
    public static FloatImage toGray(FloatImage img) {
        if (img.channels() == 1) {
            return img;
        }
        int n = img.width() * img.height();
        float[] p = img.pixels();
        float[] out = new float[n];
        if (img.channels() >= 3) {
            for (int i = 0; i < n; i++) {
                out[i] = 0.299f * p[i] + 0.587f * p[n + i] + 0.114f * p[2 * n + i];
            }
        } else {
            System.arraycopy(p, 0, out, 0, n); // gray + alpha: keep the gray plane
        }
        return new FloatImage(img.width(), img.height(), 1, out);
    }
}
