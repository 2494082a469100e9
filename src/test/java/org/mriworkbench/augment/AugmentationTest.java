package org.mriworkbench.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mriworkbench.core.FloatImage;

class AugmentationTest {

    private final FloatImage img = TestImages.noise(32, 32, 1, 9);

    @Test
    void previewIsReproducibleAndVaried() {
        Augmentation aug = Augmentation.standard();
        List<FloatImage> a = aug.preview(img, 6, 123);
        assertEquals(6, a.size());
        assertEquals(a, aug.preview(img, 6, 123));
        assertNotEquals(a, aug.preview(img, 6, 124));
        assertNotEquals(a.get(0), a.get(1));
    }

    @Test
    void sampleSeedsDependOnlyOnSeedEpochAndSample() {
        Augmentation aug = Augmentation.standard();
        FloatImage first = aug.apply(img, AugmentSeeds.forSample(5, 2, 17));
        aug.apply(img, AugmentSeeds.forSample(5, 2, 3)); // another sample in between changes nothing
        assertEquals(first, aug.apply(img, AugmentSeeds.forSample(5, 2, 17)));
        assertNotEquals(AugmentSeeds.derive(5, 2, 17), AugmentSeeds.derive(5, 3, 17));
        assertNotEquals(AugmentSeeds.derive(5, 2, 17), AugmentSeeds.derive(5, 2, 18));
        assertNotEquals(AugmentSeeds.derive(5, 2, 17), AugmentSeeds.derive(6, 2, 17));
    }

    @Test
    void oneTransformsProbDoesNotShiftTheOthersDraws() {
        // A zoom by exactly 1 is an identity whether or not it fires, so only the draws could differ.
        Augmentation off = Augmentation.builder().add(new RandZoom(1, 1, 0)).add(new RandRotate(30, 1)).build();
        Augmentation on = Augmentation.builder().add(new RandZoom(1, 1, 1)).add(new RandRotate(30, 1)).build();
        FloatImage a = off.apply(img, new SplittableRandom(1));
        assertNotEquals(img, a);
        assertEquals(0.0, TestImages.maxAbsDiff(a, on.apply(img, new SplittableRandom(1))), 1e-6);
    }

    @Test
    void strengthZeroIsIdentityAndStrengthScalesParts() {
        Augmentation aug = Augmentation.standard();
        assertEquals(img, aug.apply(img, new SplittableRandom(1), 0));
        assertEquals(img, aug.toBuilder().optStrength(0).build().apply(img, new SplittableRandom(1)));
        Augmentation strong = aug.scaled(2);
        assertEquals(2.0, strong.strength());
        RandRotate r = (RandRotate) aug.transforms().get(0);
        assertEquals(20.0, r.scaled(2).maxDegrees());
        assertEquals(1.0, r.scaled(2).prob());
        // The same draws at strength 2 via the pipeline knob or via the per-call argument.
        assertEquals(strong.apply(img, new SplittableRandom(4)), aug.apply(img, new SplittableRandom(4), 2));
    }

    @Test
    void noneIsIdentityAndBadArgumentsAreRejected() {
        assertEquals(img, Augmentation.none().apply(img, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> new RandRotate(20, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new RandZoom(1.2, 1.1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Augmentation.builder().optStrength(-1));
        assertThrows(IllegalArgumentException.class, () -> Augmentation.standard().preview(img, -1, 0));
    }
}
