package org.mriworkbench.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * An image as planar floats (channel, row, column), the layout ND4J's NCHW tensors use, so a preprocessed
 * image can go into a network without another copy. Decoders scale samples to [0,1] by their bit depth, so 8-bit
 * and 16-bit sources look alike from here on. Instances are treated as immutable: operations return new images
 * and never write into {@link #pixels()} of their input.
 */
public record FloatImage(int width, int height, int channels, float[] pixels) {

    public FloatImage {
        if (width <= 0 || height <= 0 || channels <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height + "x" + channels);
        }
        Objects.requireNonNull(pixels, "pixels");
        if (pixels.length != (long) width * height * channels) {
            throw new IllegalArgumentException("expected " + (long) width * height * channels + " samples, got " + pixels.length);
        }
    }

    /** A new single-channel image filled with zeros. */
    public static FloatImage blank(int width, int height) {
        return new FloatImage(width, height, 1, new float[width * height]);
    }

    /** Sample at channel {@code c}, row {@code y}, column {@code x}. */
    public float get(int c, int y, int x) {
        return pixels[(c * height + y) * width + x];
    }

    /** A copy of the samples, for callers that want to change them. */
    public float[] copyPixels() {
        return pixels.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatImage f && f.width == width && f.height == height && f.channels == channels
                && Arrays.equals(f.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, channels, Arrays.hashCode(pixels));
    }

    @Override
    public String toString() {
        return "FloatImage[" + width + "x" + height + "x" + channels + "]";
    }
}
