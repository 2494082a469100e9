package org.mriworkbench.phantom;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where the tumour of a phantom is, in pixel coordinates of its image. Real data sets carry no such ground truth,
 * which is why phantoms exist: an explanation method (Grad-CAM) can be checked against a mask that is known
 * exactly, e.g. "the heat-map peak must fall on the tumour".
 *
 * <p>The centre is the centroid of the mask and the radius is the radius of a disc of the same area, so the three
 * numbers mean the same thing for a round pituitary mass, a lobulated glioma and a meningioma clipped by the skull.
 * The mask marks pixels whose centre lies at least half inside the mass (row-major, {@code y * width + x}).
 *
 * @param centreX x of the mask centroid in pixels (0 = left edge of the first column's centre minus 0.5)
 * @param centreY y of the mask centroid in pixels, growing downwards
 * @param radius  equivalent-area radius in pixels
 * @param width   image width the mask belongs to
 * @param height  image height the mask belongs to
 * @param mask    {@code width * height} flags, row-major; never written after construction
 */
public record TumourRegion(double centreX, double centreY, double radius, int width, int height, boolean[] mask) {

    public TumourRegion {
        Objects.requireNonNull(mask, "mask");
        if (width <= 0 || height <= 0 || mask.length != width * height) {
            throw new IllegalArgumentException("mask must have width*height entries: " + width + "x" + height
                    + " vs " + mask.length);
        }
        mask = mask.clone();
    }

    /** Builds the region from a mask alone, computing centroid and equivalent radius; the mask must not be empty. */
    public static TumourRegion fromMask(int width, int height, boolean[] mask) {
        long count = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (mask[y * width + x]) {
                    count++;
                    sx += x;
                    sy += y;
                }
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("tumour mask is empty");
        }
        return new TumourRegion(sx / count, sy / count, StrictMath.sqrt(count / Math.PI), width, height, mask);
    }

    /** True when pixel (x, y) belongs to the tumour; false outside the image. */
    public boolean contains(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && mask[y * width + x];
    }

    /** Number of tumour pixels. */
    public int area() {
        int n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** A copy of the mask; the record itself never hands out its own array. */
    @Override
    public boolean[] mask() {
        return mask.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TumourRegion t && t.width == width && t.height == height
                && Double.compare(t.centreX, centreX) == 0 && Double.compare(t.centreY, centreY) == 0
                && Double.compare(t.radius, radius) == 0 && Arrays.equals(t.mask, mask);
    }

    @Override
    public int hashCode() {
        return Objects.hash(centreX, centreY, radius, width, height, Arrays.hashCode(mask));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "TumourRegion[cx=%.1f, cy=%.1f, r=%.1f, area=%d]",
                centreX, centreY, radius, area());
    }
}
