package org.mriworkbench.augment;

import java.util.SplittableRandom;
import org.mriworkbench.core.FloatImage;

/**
 * Mirrors left and right. The brain is roughly symmetric and tumours occur on either side, so a mirrored slice is
 * as plausible as the original. Only horizontal flips are offered: an upside-down axial slice never occurs in the
 * data. Named after MONAI's {@code RandFlip}. The flip has no magnitude, so {@link #scaled} changes only the
 * probability.
 *
 * @param prob probability of flipping
 */
public record RandFlip(double prob) implements RandTransform {

    public RandFlip {
        RandTransform.checkProb(prob);
    }

    @Override
    public FloatImage apply(FloatImage image, SplittableRandom rng) {
        return RandTransform.fires(prob, rng) ? flipHorizontal(image) : image;
    }

    /** Deterministic left-right mirror; a new image, the input is left alone. */
    public static FloatImage flipHorizontal(FloatImage image) {
        int w = image.width();
        int rows = image.height() * image.channels();
        float[] in = image.pixels();
        float[] out = new float[in.length];
        for (int r = 0; r < rows; r++) {
            int row = r * w;
            for (int x = 0; x < w; x++) {
                out[row + x] = in[row + w - 1 - x];
            }
        }
        return new FloatImage(w, image.height(), image.channels(), out);
    }

    @Override
    public RandFlip scaled(double strength) {
        return new RandFlip(RandTransform.scaleProb(prob, strength));
    }
}
