package org.mriworkbench.augment;

import java.util.SplittableRandom;
import org.mriworkbench.core.FloatImage;

/**
 * A random image transform that fires with probability {@link #prob()}.
 *
 * <p>The generator is passed in rather than held, so a transform is a plain immutable value and the caller decides
 * where randomness comes from. Trainers derive one generator per visit with {@link AugmentSeeds#forSample}, which
 * makes the augmentation of a sample a function of (seed, epoch, position) alone, whatever order worker threads
 * happen to run in.
 *
 * <p>Contract: {@code apply} never writes into its input's pixels and returns the input itself when the transform
 * does not fire. Callers must use the returned image; it is the only result.
 */
public interface RandTransform {

    /** Probability in [0,1] that {@link #apply} changes the image. */
    double prob();

    /** Draws whether to fire and, if so, the transform's parameters from {@code rng}; returns a new image or the input. */
    FloatImage apply(FloatImage image, SplittableRandom rng);

    /**
     * A copy whose probability and magnitude are scaled by {@code strength}: 0 switches the transform off, 1 returns
     * an equal transform, values above 1 fire more often and harder (capped at sensible limits). Focused augmentation
     * uses this to augment minority classes harder without a second pipeline.
     */
    RandTransform scaled(double strength);

    /** Shared firing rule, so every transform consumes exactly one draw to decide. */
    static boolean fires(double prob, SplittableRandom rng) {
        return rng.nextDouble() < prob;
    }

    /** Scales a probability by a strength, clamped to [0,1]. */
    static double scaleProb(double prob, double strength) {
        checkStrength(strength);
        return Math.min(1.0, prob * strength);
    }

    /** Rejects negative or non-finite strengths with a clear message. */
    static void checkStrength(double strength) {
        if (!(strength >= 0) || Double.isInfinite(strength)) {
            throw new IllegalArgumentException("strength must be finite and >= 0, got " + strength);
        }
    }

    /** Rejects probabilities outside [0,1]. */
    static void checkProb(double prob) {
        if (!(prob >= 0 && prob <= 1)) {
            throw new IllegalArgumentException("prob must be in [0,1], got " + prob);
        }
    }
}
