package org.mriworkbench.augment;

import java.util.SplittableRandom;
import org.mriworkbench.core.FloatImage;

/**
 * Rotation, zoom and translation composed into one affine matrix and applied with <em>one</em> bilinear resample.
 * Applying {@link RandRotate}, {@link RandZoom} and {@link RandTranslate} one after another interpolates the image
 * once per transform that fires, and every bilinear pass low-pass filters it, so training images end up blurrier
 * than the sharp, never-resampled images the model is tested on. Here the parts draw exactly as the separate
 * transforms would (each with its own probability, in the same order), so the two pipelines sample the same
 * geometric distribution and differ only in interpolation. Similar to MONAI's {@code RandAffine}.
 *
 * <p>Each part consumes its draws whether or not an earlier part fired, so changing one part's probability does not
 * change another part's parameters.
 *
 * @param maxDegrees     largest absolute rotation angle, in [0, 180]
 * @param rotateProb     probability of rotating
 * @param minScale       smallest zoom factor, &gt; 0
 * @param maxScale       largest zoom factor, &ge; minScale
 * @param zoomProb       probability of zooming
 * @param maxTranslate   largest shift as a fraction of width and height, in [0, 0.5]
 * @param translateProb  probability of shifting
 */
public record RandAffine(double maxDegrees, double rotateProb, double minScale, double maxScale, double zoomProb,
                         double maxTranslate, double translateProb) implements RandTransform {

    public RandAffine {
        if (!(maxDegrees >= 0 && maxDegrees <= 180)) {
            throw new IllegalArgumentException("maxDegrees must be in [0,180], got " + maxDegrees);
        }
        if (!(minScale > 0 && maxScale >= minScale && Double.isFinite(maxScale))) {
            throw new IllegalArgumentException("need 0 < minScale <= maxScale, got " + minScale + ", " + maxScale);
        }
        if (!(maxTranslate >= 0 && maxTranslate <= 0.5)) {
            throw new IllegalArgumentException("maxTranslate must be in [0,0.5], got " + maxTranslate);
        }
        RandTransform.checkProb(rotateProb);
        RandTransform.checkProb(zoomProb);
        RandTransform.checkProb(translateProb);
    }

    /** The single-warp equivalent of {@code rotate}, {@code zoom} and {@code translate} applied in that order. */
    public static RandAffine of(RandRotate rotate, RandZoom zoom, RandTranslate translate) {
        return new RandAffine(rotate.maxDegrees(), rotate.prob(), zoom.minScale(), zoom.maxScale(), zoom.prob(),
                translate.maxFraction(), translate.prob());
    }

    /** Probability that at least one part fires, i.e. that the image is resampled. */
    @Override
    public double prob() {
        return 1 - (1 - rotateProb) * (1 - zoomProb) * (1 - translateProb);
    }

    @Override
    public FloatImage apply(FloatImage image, SplittableRandom rng) {
        // One child generator per part, each drawn the way RandRotate, RandZoom and RandTranslate draw.
        SplittableRandom r = rng.split();
        SplittableRandom z = rng.split();
        SplittableRandom t = rng.split();
        boolean rotate = RandTransform.fires(rotateProb, r);
        double degrees = rotate && maxDegrees > 0 ? r.nextDouble(-maxDegrees, maxDegrees) : 0;
        boolean zoom = RandTransform.fires(zoomProb, z);
        double scale = zoom ? (maxScale > minScale ? z.nextDouble(minScale, maxScale) : minScale) : 1;
        boolean shift = RandTransform.fires(translateProb, t);
        double dx = shift && maxTranslate > 0 ? t.nextDouble(-maxTranslate, maxTranslate) * image.width() : 0;
        double dy = shift && maxTranslate > 0 ? t.nextDouble(-maxTranslate, maxTranslate) * image.height() : 0;
        if (!rotate && !zoom && !shift) {
            return image;
        }
        return warp(image, degrees, scale, dx, dy);
    }

    /**
     * Deterministic composed warp: rotate by {@code degrees} (counter-clockwise on screen), zoom by {@code scale}
     * about the centre, then shift the content {@code dx} right and {@code dy} down, with one bilinear resample.
     *
     * <p>Output pixel at offset {@code p} from the centre samples the input at {@code R⁻¹ Z⁻¹ (p - t)}: the product
     * of the inverse maps that {@link RandRotate#rotate}, {@link RandZoom#zoom} and {@link RandTranslate#translate}
     * use one at a time.
     */
    public static FloatImage warp(FloatImage image, double degrees, double scale, double dx, double dy) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be > 0, got " + scale);
        }
        double[] m = inverseMatrix(degrees, scale, dx, dy);
        return Resample.inverseAffine(image, m[0], m[1], m[2], m[3], m[4], m[5]);
    }

    /**
     * The inverse map {@code (a, b, c, d, shiftX, shiftY)} in the convention of {@code Resample.inverseAffine}:
     * {@code [a b; c d] = R(θ) / scale}, {@code shift = -[a b; c d] (dx, dy)}.
     */
    static double[] inverseMatrix(double degrees, double scale, double dx, double dy) {
        double th = Math.toRadians(degrees);
        double cos = Math.cos(th);
        double sin = Math.sin(th);
        double inv = 1.0 / scale;
        double a = cos * inv;
        double b = -sin * inv;
        double c = sin * inv;
        double d = cos * inv;
        return new double[] {a, b, c, d, -(a * dx + b * dy), -(c * dx + d * dy)};
    }

    /** Scales every part's probability and range as the separate transforms' {@code scaled} do. */
    @Override
    public RandAffine scaled(double strength) {
        RandTransform.checkStrength(strength);
        RandRotate r = new RandRotate(maxDegrees, rotateProb).scaled(strength);
        RandZoom z = new RandZoom(minScale, maxScale, zoomProb).scaled(strength);
        RandTranslate t = new RandTranslate(maxTranslate, translateProb).scaled(strength);
        return of(r, z, t);
    }
}
