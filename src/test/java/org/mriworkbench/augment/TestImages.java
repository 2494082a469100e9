package org.mriworkbench.augment;

import java.util.SplittableRandom;
import org.mriworkbench.core.FloatImage;

/** Small non-square test images with texture everywhere, so any geometric change shows up. */
final class TestImages {

    private TestImages() {
    }

    static FloatImage noise(int width, int height, int channels, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] p = new float[width * height * channels];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) rng.nextDouble(0.2, 0.8);
        }
        return new FloatImage(width, height, channels, p);
    }

    static double maxAbsDiff(FloatImage a, FloatImage b) {
        double m = 0;
        for (int i = 0; i < a.pixels().length; i++) {
            m = Math.max(m, Math.abs(a.pixels()[i] - b.pixels()[i]));
        }
        return m;
    }
}
