package org.mriworkbench.preprocess;

import org.mriworkbench.core.FloatImage;
import org.mriworkbench.core.Luminance;

/**
 * Collapses colour channels to one luminance channel (ITU-R BT.601 weights). MRI is a single-channel modality; the
 * RGB JPEGs in public sets are grey pictures stored in three equal channels, so one channel loses nothing and a
 * network trained on it works for grayscale and RGB files alike.
 */
public record Grayscale() implements ImageOp {

    @Override
    public FloatImage apply(FloatImage img) {
        return Luminance.toGray(img);
    }

    @Override
    public String describe() {
        return "grayscale";
    }
}
