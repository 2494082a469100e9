package org.mriworkbench.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mriworkbench.core.FloatImage;

/** The composed warp resamples once, equals the product of the separate warps' maps, and draws like them. */
class RandAffineTest {

    private final FloatImage img = TestImages.noise(40, 32, 1, 17);

    /** Inverse map of "rotate, then zoom, then shift", multiplied out here independently of the production code. */
    private static FloatImage composedByHand(FloatImage in, double degrees, double scale, double dx, double dy) {
        double t = Math.toRadians(degrees);
        double[][] rotInv = {{Math.cos(t), -Math.sin(t)}, {Math.sin(t), Math.cos(t)}};
        double[][] zoomInv = {{1 / scale, 0}, {0, 1 / scale}};
        double[][] m = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                m[i][j] = rotInv[i][0] * zoomInv[0][j] + rotInv[i][1] * zoomInv[1][j];
            }
        }
        // output p samples input at M (p - t)
        double sx = -(m[0][0] * dx + m[0][1] * dy);
        double sy = -(m[1][0] * dx + m[1][1] * dy);
        return Resample.inverseAffine(in, m[0][0], m[0][1], m[1][0], m[1][1], sx, sy);
    }

    @Test
    void warpIsOneResampleOfTheComposedMatrix() {
        FloatImage once = RandAffine.warp(img, 8, 1.07, 1.3, -0.7);
        FloatImage byHand = composedByHand(img, 8, 1.07, 1.3, -0.7);
        assertTrue(TestImages.maxAbsDiff(once, byHand) < 1e-6, "same single warp");

        FloatImage chained = RandTranslate.translate(RandZoom.zoom(RandRotate.rotate(img, 8), 1.07), 1.3, -0.7);
        assertTrue(TestImages.maxAbsDiff(once, chained) > 0.01, "three resamples are not one");
        // Each bilinear pass low-pass filters: the chain is smoother (less pixel-to-pixel variation) in the centre.
        assertTrue(roughness(chained) < roughness(once), roughness(chained) + " vs " + roughness(once));
    }

    /** Mean absolute horizontal difference over the central half of the image, where no zero fill reaches. */
    private static double roughness(FloatImage f) {
        double s = 0;
        int n = 0;
        for (int y = f.height() / 4; y < 3 * f.height() / 4; y++) {
            for (int x = f.width() / 4; x < 3 * f.width() / 4; x++) {
                s += Math.abs(f.get(0, y, x + 1) - f.get(0, y, x));
                n++;
            }
        }
        return s / n;
    }

    @Test
    void identityWarpReproducesTheInputExactly() {
        assertEquals(img, RandAffine.warp(img, 0, 1, 0, 0));
        FloatImage rgb = TestImages.noise(9, 12, 3, 2);
        assertEquals(rgb, RandAffine.warp(rgb, 0, 1, 0, 0));
        // Parts that cannot move anything also leave the image exactly as it was, even when they "fire".
        RandAffine still = new RandAffine(0, 1, 1, 1, 1, 0, 1);
        assertEquals(img, still.apply(img, new SplittableRandom(4)));
    }

    @Test
    void forcedToFireChangesTheImageAndNeverFiringReturnsTheInput() {
        RandAffine always = new RandAffine(10, 1, 0.9, 1.1, 1, 0.05, 1);
        FloatImage out = always.apply(img, new SplittableRandom(3));
        assertTrue(TestImages.maxAbsDiff(img, out) > 0.05);
        assertEquals(out, always.apply(img, new SplittableRandom(3)), "seeded: same generator, same image");
        assertNotEquals(out, always.apply(img, new SplittableRandom(4)));
        float[] before = img.copyPixels();
        always.apply(img, new SplittableRandom(5));
        assertEquals(new FloatImage(40, 32, 1, before), img, "input untouched");

        RandAffine never = new RandAffine(10, 0, 0.9, 1.1, 0, 0.05, 0);
        assertSame(img, never.apply(img, new SplittableRandom(3)));
        assertEquals(0.0, never.prob());
        assertSame(img, always.scaled(0).apply(img, new SplittableRandom(3)), "strength 0 switches it off");
    }

    @Test
    void partsFireAsOftenAsTheSeparateTransforms() {
        RandAffine a = new RandAffine(10, 0.5, 0.9, 1.1, 0.3, 0.05, 0.3);
        assertEquals(1 - 0.5 * 0.7 * 0.7, a.prob(), 1e-12);
        int changed = 0;
        int n = 4000;
        FloatImage small = TestImages.noise(8, 8, 1, 1);
        for (int i = 0; i < n; i++) {
            if (a.apply(small, AugmentSeeds.forSample(7, 0, i)) != small) {
                changed++;
            }
        }
        assertEquals(a.prob(), changed / (double) n, 0.03);
    }

    @Test
    void scalingMatchesTheSeparateTransformsAndStandardPipelinesAgree() {
        RandAffine a = RandAffine.of(new RandRotate(10, 0.5), new RandZoom(0.9, 1.1, 0.3),
                new RandTranslate(0.05, 0.3));
        RandAffine half = a.scaled(0.5);
        assertEquals(new RandRotate(10, 0.5).scaled(0.5).maxDegrees(), half.maxDegrees());
        assertEquals(new RandZoom(0.9, 1.1, 0.3).scaled(0.5).minScale(), half.minScale());
        assertEquals(new RandTranslate(0.05, 0.3).scaled(0.5).prob(), half.translateProb());

        Augmentation separate = Augmentation.standard();
        Augmentation affine = Augmentation.standardAffine();
        assertEquals(a, affine.transforms().get(0), "same ranges and probabilities as the separate parts");
        assertEquals(separate.transforms().size() - 2, affine.transforms().size());
        assertEquals(separate, Augmentation.standard(false));
        assertEquals(affine, Augmentation.standard(true));
    }

    @Test
    void rejectsBadRanges() {
        assertThrows(IllegalArgumentException.class, () -> new RandAffine(200, 0.5, 0.9, 1.1, 0.3, 0.05, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new RandAffine(10, 0.5, 1.2, 1.1, 0.3, 0.05, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new RandAffine(10, 0.5, 0.9, 1.1, 0.3, 0.6, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new RandAffine(10, 1.5, 0.9, 1.1, 0.3, 0.05, 0.3));
        assertThrows(IllegalArgumentException.class, () -> RandAffine.warp(img, 0, 0, 0, 0));
    }
}
