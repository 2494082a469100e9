package org.mriworkbench.augment;

import java.util.SplittableRandom;
import org.mriworkbench.core.FloatImage;

/**
 * Shifts the image by up to {@code maxFraction} of its width and height in each direction (drawn independently,
 * sub-pixel, bilinear, zero fill). Slices are not perfectly centred after cropping, so the network should not rely
 * on where the brain sits. Similar to the translate range of MONAI's {@code RandAffine}.
 *
 * @param maxFraction largest shift as a fraction of the size, in [0, 0.5]
 * @param prob        probability of shifting
 */
public record RandTranslate(double maxFraction, double prob) implements RandTransform {

    public RandTranslate {
        if (!(maxFraction >= 0 && maxFraction <= 0.5)) {
            throw new IllegalArgumentException("maxFraction must be in [0,0.5], got " + maxFraction);
        }
        RandTransform.checkProb(prob);
    }

    @Override
    public FloatImage apply(FloatImage image, SplittableRandom rng) {
        if (!RandTransform.fires(prob, rng)) {
            return image;
        }
        double dx = maxFraction == 0 ? 0 : rng.nextDouble(-maxFraction, maxFraction) * image.width();
        double dy = maxFraction == 0 ? 0 : rng.nextDouble(-maxFraction, maxFraction) * image.height();
        return translate(image, dx, dy);
    }

    /** Deterministic shift: content moves {@code dx} pixels right and {@code dy} pixels down. */
    public static FloatImage translate(FloatImage image, double dx, double dy) {
        return Resample.inverseAffine(image, 1, 0, 0, 1, -dx, -dy);
    }

    @Override
    public RandTranslate scaled(double strength) {
        RandTransform.checkStrength(strength);
        return new RandTranslate(Math.min(0.5, maxFraction * strength), RandTransform.scaleProb(prob, strength));
    }
}
