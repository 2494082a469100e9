package org.mriworkbench.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mriworkbench.core.FloatImage;

/** The contract every random transform must keep, checked for each one forced to fire. */
class RandTransformTest {

    /** Each transform with prob 1 and a range that excludes "no change", so firing must alter the image. */
    static Stream<RandTransform> forcedToFire() {
        return Stream.of(
                new RandRotate(20, 1.0),
                new RandFlip(1.0),
                new RandZoom(1.2, 1.4, 1.0),
                new RandZoom(0.6, 0.8, 1.0),
                new RandTranslate(0.2, 1.0),
                new RandBrightnessContrast(0.05, 0.1, 1.2, 1.4, 1.0),
                Augmentation.standard().toBuilder().optStrength(3).build());
    }

    static Stream<RandTransform> neverFire() {
        return Stream.of(new RandRotate(20, 0), new RandFlip(0), new RandZoom(1.2, 1.4, 0),
                new RandTranslate(0.2, 0), new RandBrightnessContrast(0.05, 0.1, 1.2, 1.4, 0));
    }

    static List<FloatImage> inputs() {
        return List.of(TestImages.noise(32, 24, 1, 1), TestImages.noise(20, 28, 3, 2));
    }

    @ParameterizedTest
    @MethodSource("forcedToFire")
    void firingChangesImageAndLeavesInputAlone(RandTransform t) {
        for (FloatImage in : inputs()) {
            float[] before = in.copyPixels();
            FloatImage out = t.apply(in, new SplittableRandom(7));
            assertNotEquals(in, out, t + " fired but returned an unchanged image");
            assertArrayEquals(before, in.pixels(), t + " wrote into its input");
        }
    }

    @ParameterizedTest
    @MethodSource("forcedToFire")
    void keepsSizeChannelsAndFiniteRange(RandTransform t) {
        for (FloatImage in : inputs()) {
            FloatImage out = t.apply(in, new SplittableRandom(11));
            assertEquals(in.width(), out.width());
            assertEquals(in.height(), out.height());
            assertEquals(in.channels(), out.channels());
            for (float p : out.pixels()) {
                assertTrue(Float.isFinite(p) && p >= 0f && p <= 1f, t + " produced " + p);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("forcedToFire")
    void sameSeedSameOutputOtherSeedOtherOutput(RandTransform t) {
        FloatImage in = inputs().get(0);
        FloatImage a = t.apply(in, new SplittableRandom(42));
        FloatImage b = t.apply(in, new SplittableRandom(42));
        assertEquals(a, b);
        if (!(t instanceof RandFlip)) { // a flip has no parameter to vary
            assertNotEquals(a, t.apply(in, new SplittableRandom(43)));
        }
    }

    @ParameterizedTest
    @MethodSource("neverFire")
    void probZeroReturnsIdenticalImage(RandTransform t) {
        FloatImage in = inputs().get(1);
        for (long seed = 0; seed < 20; seed++) {
            assertSame(in, t.apply(in, new SplittableRandom(seed)));
        }
    }

    @ParameterizedTest
    @MethodSource("forcedToFire")
    void strengthZeroSwitchesOff(RandTransform t) {
        FloatImage in = inputs().get(0);
        assertEquals(in, t.scaled(0).apply(in, new SplittableRandom(3)));
    }

    @ParameterizedTest
    @MethodSource("forcedToFire")
    void strengthOneIsTheSameTransform(RandTransform t) {
        assertEquals(t, t.scaled(1.0));
    }
}
