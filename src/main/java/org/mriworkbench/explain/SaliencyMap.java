package org.mriworkbench.explain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.mriworkbench.core.FloatImage;

/**
 * A per-pixel importance map for one image and one class, the common result of every {@link Explainer}, so that
 * charts and checks ("does the peak fall on the tumour?") work the same for Grad-CAM, gradients and occlusion.
 *
 * <p>Values are finite and non-negative, higher meaning "more evidence for {@code targetClass}". Their scale
 * depends on the method and is only comparable within one map, except for occlusion, whose values are drops in
 * the class probability; each explainer's Javadoc says which. A map whose values are all equal (for instance all
 * zero when Grad-CAM finds no positive evidence) is {@linkplain #isFlat() flat}: its {@link #peak()} is then
 * meaningless and callers should treat it as "no localisation" rather than as a point.
 *
 * @param values      {@code width * height} values, row-major ({@code y * width + x}); copied in and out
 * @param width       map width in pixels (the input image's width)
 * @param height      map height in pixels
 * @param method      short name of the method that made the map, e.g. {@code "grad-cam"}
 * @param targetClass the class index the map explains
 */
public record SaliencyMap(float[] values, int width, int height, String method, int targetClass) {

    /** A pixel position and the map's value there. */
    public record Peak(int x, int y, float value) {
    }

    public SaliencyMap {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(method, "method");
        if (width <= 0 || height <= 0 || values.length != (long) width * height) {
            throw new IllegalArgumentException("need width*height values: " + width + "x" + height + " vs "
                    + values.length);
        }
        if (targetClass < 0) {
            throw new IllegalArgumentException("targetClass must be >= 0, got " + targetClass);
        }
        values = values.clone();
        for (float v : values) {
            if (!(v >= 0) || Float.isInfinite(v)) {
                throw new IllegalArgumentException("saliency values must be finite and >= 0, got " + v);
            }
        }
    }

    /** Value at column {@code x}, row {@code y}. */
    public float value(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ") outside " + width + "x" + height);
        }
        return values[y * width + x];
    }

    /**
     * The position of the largest value; ties go to the first in row-major order, so the answer is
     * deterministic. Check {@link #isFlat()} first: a flat map has no meaningful peak.
     */
    public Peak peak() {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return new Peak(best % width, best / width, values[best]);
    }

    /** True when every value is the same, e.g. an all-zero Grad-CAM; such a map localises nothing. */
    public boolean isFlat() {
        for (float v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }

    /** The map as a grey image scaled so that its maximum is 1, for overlays and image grids. */
    public FloatImage toImage() {
        float max = peak().value();
        float[] px = new float[values.length];
        if (max > 0) {
            for (int i = 0; i < px.length; i++) {
                px[i] = values[i] / max;
            }
        }
        return new FloatImage(width, height, 1, px);
    }

    /** A copy of the values; the record never hands out its own array. */
    @Override
    public float[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SaliencyMap m && m.width == width && m.height == height && m.targetClass == targetClass
                && m.method.equals(method) && Arrays.equals(m.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, method, targetClass, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        Peak p = peak();
        return String.format(Locale.ROOT, "SaliencyMap[%s, class %d, %dx%d, peak (%d, %d) = %.4g%s]", method,
                targetClass, width, height, p.x(), p.y(), p.value(), isFlat() ? ", flat" : "");
    }
}
