package org.mriworkbench.augment;

import java.util.SplittableRandom;
import org.mriworkbench.core.FloatImage;

/**
 * Scales about the centre by a factor drawn uniformly from [minScale, maxScale] and keeps the image size: factors
 * above 1 crop into the centre, factors below 1 shrink and pad with zeros. Head size and field of view differ
 * between patients and scanners. Named after MONAI's {@code RandZoom}.
 *
 * @param minScale smallest factor, &gt; 0
 * @param maxScale largest factor, &ge; minScale
 * @param prob     probability of zooming
 */
public record RandZoom(double minScale, double maxScale, double prob) implements RandTransform {

    /** Scaling never shrinks an image below this factor, however strong the augmentation. */
    static final double MIN_FACTOR = 0.1;

    public RandZoom {
        if (!(minScale > 0 && maxScale >= minScale && Double.isFinite(maxScale))) {
            throw new IllegalArgumentException("need 0 < minScale <= maxScale, got " + minScale + ", " + maxScale);
        }
        RandTransform.checkProb(prob);
    }

    @Override
    public FloatImage apply(FloatImage image, SplittableRandom rng) {
        if (!RandTransform.fires(prob, rng)) {
            return image;
        }
        double s = maxScale > minScale ? rng.nextDouble(minScale, maxScale) : minScale;
        return zoom(image, s);
    }

    /** Deterministic zoom by {@code factor} about the centre, same output size. */
    public static FloatImage zoom(FloatImage image, double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("factor must be > 0, got " + factor);
        }
        double inv = 1.0 / factor;
        return Resample.inverseAffine(image, inv, 0, 0, inv, 0, 0);
    }

    /** Widens or narrows the range about 1 (no zoom). */
    @Override
    public RandZoom scaled(double strength) {
        RandTransform.checkStrength(strength);
        double lo = Math.max(MIN_FACTOR, 1 - (1 - minScale) * strength);
        double hi = Math.max(lo, 1 + (maxScale - 1) * strength);
        return new RandZoom(lo, hi, RandTransform.scaleProb(prob, strength));
    }
}
