package org.mriworkbench.augment;

import java.util.SplittableRandom;
import org.mriworkbench.core.FloatImage;

/**
 * Changes contrast about the image mean by a factor from [minContrast, maxContrast], then adds a brightness shift
 * from [minBrightness, maxBrightness], clamping to [0,1]. MRI intensities have no absolute scale: the same tissue
 * looks brighter or darker depending on scanner, coil and windowing, which this imitates.
 *
 * <p>The mean is taken over all channels, so an RGB-stored grey image stays grey.
 *
 * @param minBrightness smallest additive shift
 * @param maxBrightness largest additive shift, &ge; minBrightness
 * @param minContrast   smallest contrast factor, &ge; 0
 * @param maxContrast   largest contrast factor, &ge; minContrast
 * @param prob          probability of adjusting
 */
public record RandBrightnessContrast(double minBrightness, double maxBrightness, double minContrast,
                                     double maxContrast, double prob) implements RandTransform {

    public RandBrightnessContrast {
        if (!(minBrightness <= maxBrightness) || !Double.isFinite(minBrightness) || !Double.isFinite(maxBrightness)) {
            throw new IllegalArgumentException("need finite minBrightness <= maxBrightness, got "
                    + minBrightness + ", " + maxBrightness);
        }
        if (!(minContrast >= 0 && minContrast <= maxContrast) || !Double.isFinite(maxContrast)) {
            throw new IllegalArgumentException("need 0 <= minContrast <= maxContrast, got "
                    + minContrast + ", " + maxContrast);
        }
        RandTransform.checkProb(prob);
    }

    /** Ranges symmetric about "no change": shift in [-brightness, brightness], factor in [1-contrast, 1+contrast]. */
    public static RandBrightnessContrast symmetric(double brightness, double contrast, double prob) {
        return new RandBrightnessContrast(-brightness, brightness, Math.max(0, 1 - contrast), 1 + contrast, prob);
    }

    @Override
    public FloatImage apply(FloatImage image, SplittableRandom rng) {
        if (!RandTransform.fires(prob, rng)) {
            return image;
        }
        double factor = maxContrast > minContrast ? rng.nextDouble(minContrast, maxContrast) : minContrast;
        double shift = maxBrightness > minBrightness ? rng.nextDouble(minBrightness, maxBrightness) : minBrightness;
        return adjust(image, shift, factor);
    }

    /** Deterministic adjustment: {@code clamp((p - mean) * contrast + mean + brightness)}. */
    public static FloatImage adjust(FloatImage image, double brightness, double contrast) {
        float[] in = image.pixels();
        double sum = 0;
        for (float p : in) {
            sum += p;
        }
        double mean = sum / in.length;
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            double v = (in[i] - mean) * contrast + mean + brightness;
            out[i] = (float) Math.min(1.0, Math.max(0.0, v));
        }
        return new FloatImage(image.width(), image.height(), image.channels(), out);
    }

    /** Widens or narrows both ranges about "no change" (shift 0, factor 1). */
    @Override
    public RandBrightnessContrast scaled(double strength) {
        RandTransform.checkStrength(strength);
        double cLo = Math.max(0, 1 - (1 - minContrast) * strength);
        double cHi = Math.max(cLo, 1 + (maxContrast - 1) * strength);
        return new RandBrightnessContrast(minBrightness * strength, maxBrightness * strength, cLo, cHi,
                RandTransform.scaleProb(prob, strength));
    }
}
