package org.mriworkbench.augment;

import java.util.SplittableRandom;
import org.mriworkbench.core.FloatImage;

/**
 * Rotates about the image centre by an angle drawn uniformly from [-maxDegrees, maxDegrees], bilinear, zero fill.
 * Head position varies a few degrees between scans, so small rotations teach the network to ignore it. Named after
 * MONAI's {@code RandRotate}.
 *
 * @param maxDegrees largest absolute angle, in [0, 180]
 * @param prob       probability of rotating
 */
public record RandRotate(double maxDegrees, double prob) implements RandTransform {

    public RandRotate {
        if (!(maxDegrees >= 0 && maxDegrees <= 180)) {
            throw new IllegalArgumentException("maxDegrees must be in [0,180], got " + maxDegrees);
        }
        RandTransform.checkProb(prob);
    }

    @Override
    public FloatImage apply(FloatImage image, SplittableRandom rng) {
        if (!RandTransform.fires(prob, rng)) {
            return image;
        }
        double degrees = maxDegrees == 0 ? 0 : rng.nextDouble(-maxDegrees, maxDegrees);
        return rotate(image, degrees);
    }

    /** Deterministic rotation by {@code degrees} (counter-clockwise on screen, y down); exposed for previews and tests. */
    public static FloatImage rotate(FloatImage image, double degrees) {
        double t = Math.toRadians(degrees);
        double cos = Math.cos(t);
        double sin = Math.sin(t);
        // Output pixel p samples the input at R(t) p, which turns the content by -t: counter-clockwise on screen (y down).
        return Resample.inverseAffine(image, cos, -sin, sin, cos, 0, 0);
    }

    @Override
    public RandRotate scaled(double strength) {
        return new RandRotate(Math.min(180, maxDegrees * strength), RandTransform.scaleProb(prob, strength));
    }
}
