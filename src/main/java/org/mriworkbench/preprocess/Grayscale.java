package org.mriworkbench.preprocess;

/**
 * Collapses colour channels to one luminance channel (ITU-R BT.601 weights). MRI is a single-channel modality; the
 * RGB JPEGs in public sets are grey pictures stored in three equal channels, so one channel loses nothing and a
 * network trained on it works for grayscale and RGB files alike.
 */
public record Grayscale() implements ImageOp {

    @Override
    public FloatImage apply(FloatImage img) {
        return toGray(img);
    }

    /** The luminance of an image; a single-channel image is returned as it is. */
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

    @Override
    public String describe() {
        return "grayscale";
    }
}
