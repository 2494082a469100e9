package org.mriworkbench.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mriworkbench.core.FloatImage;
import org.mriworkbench.core.Label;

/** Rendering of single phantoms: determinism, classes, and where each tumour kind lies. */
class PhantomGeneratorTest {

    private static final int SIZE = 128;
    private static final int SEEDS = 20;
    private final PhantomGenerator generator = new PhantomGenerator(PhantomConfig.builder().optImageSize(SIZE).build());

    @Test
    void sameSeedGivesSamePhantom() {
        for (Label label : Label.FOUR_CLASS) {
            assertEquals(generator.render(label, 42), generator.render(label, 42), label.toString());
        }
    }

    @Test
    void differentSeedGivesDifferentImage() {
        for (Label label : Label.FOUR_CLASS) {
            assertNotEquals(generator.render(label, 1).image(), generator.render(label, 2).image(), label.toString());
        }
    }

    @Test
    void everyFourClassLabelRendersWithTumourExactlyForTumours() {
        for (Label label : Label.FOUR_CLASS) {
            Phantom p = generator.render(label, 7);
            FloatImage image = p.image();
            assertEquals(SIZE, image.width());
            assertEquals(SIZE, image.height());
            assertEquals(1, image.channels());
            for (float v : image.pixels()) {
                assertTrue(v >= 0f && v <= 1f, "value out of range: " + v);
            }
            assertEquals(label, p.label());
            assertEquals(label.isTumour(), p.tumour().isPresent(), label.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> generator.render(Label.TUMOR, 7));
    }

    @Test
    void headIsBrighterThanBackgroundAndFillsMostOfTheImage() {
        PhantomRenderer.RenderedSlice s = generator.renderWithAnatomy(Label.NO_TUMOR, 3);
        double inside = 0;
        double outside = 0;
        int nIn = 0;
        for (int i = 0; i < s.head().length; i++) {
            float v = s.phantom().image().pixels()[i];
            if (s.head()[i]) {
                inside += v;
                nIn++;
            } else {
                outside += v;
            }
        }
        int nOut = s.head().length - nIn;
        assertTrue(inside / nIn > outside / nOut + 0.2, "head should stand out from the background");
        assertTrue(nIn > 0.35 * s.head().length && nIn < 0.85 * s.head().length, "head area fraction " + nIn);
    }

    @Test
    void tumourAndNoTumourWithSameSeedDifferOnlyNearTheTumour() {
        Phantom tumour = generator.render(Label.PITUITARY, 11);
        Phantom normal = generator.render(Label.NO_TUMOR, 11);
        TumourRegion r = tumour.tumour().orElseThrow();
        int changedNear = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                float a = tumour.image().get(0, y, x);
                float b = normal.image().get(0, y, x);
                if (Math.hypot(x - r.centreX(), y - r.centreY()) > 1.5 * r.radius() + 3) {
                    assertEquals(b, a, "pixel " + x + "," + y + " far from the tumour changed");
                } else if (a != b) {
                    changedNear++;
                }
            }
        }
        assertTrue(changedNear >= r.area() / 2, "the tumour itself should change pixels");
    }

    @Test
    void gliomaLiesInsideTheBrainInOneHemisphere() {
        for (long seed = 0; seed < SEEDS; seed++) {
            PhantomRenderer.RenderedSlice s = generator.renderWithAnatomy(Label.GLIOMA, seed);
            TumourRegion t = s.phantom().tumour().orElseThrow();
            assertTrue(t.area() >= 20, "glioma too small: " + t);
            int left = 0;
            int right = 0;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    if (t.contains(x, y)) {
                        assertTrue(s.brain()[y * SIZE + x], "glioma pixel outside brain, seed " + seed);
                        if (s.acrossMidline(x, y) < 0) {
                            left++;
                        } else {
                            right++;
                        }
                    }
                }
            }
            assertTrue(Math.max(left, right) >= 0.9 * (left + right), "glioma straddles the midline, seed " + seed);
        }
    }

    @Test
    void meningiomaSitsInsideTheSkullWithABroadBaseOnIt() {
        for (long seed = 0; seed < SEEDS; seed++) {
            PhantomRenderer.RenderedSlice s = generator.renderWithAnatomy(Label.MENINGIOMA, seed);
            TumourRegion t = s.phantom().tumour().orElseThrow();
            int touching = 0;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    if (!t.contains(x, y)) {
                        continue;
                    }
                    int i = y * SIZE + x;
                    assertTrue(s.head()[i] && !s.skull()[i], "meningioma pixel not intracranial, seed " + seed);
                    if (skull(s, x + 1, y) || skull(s, x - 1, y) || skull(s, x, y + 1) || skull(s, x, y - 1)) {
                        touching++;
                    }
                }
            }
            assertTrue(touching >= 4, "meningioma should rest on the skull, " + touching + " contact px, seed " + seed);
        }
    }

    private static boolean skull(PhantomRenderer.RenderedSlice s, int x, int y) {
        return x >= 0 && y >= 0 && x < SIZE && y < SIZE && s.skull()[y * SIZE + x];
    }

    @Test
    void pituitaryIsSmallOnTheMidlineBelowTheCentre() {
        for (long seed = 0; seed < SEEDS; seed++) {
            PhantomRenderer.RenderedSlice s = generator.renderWithAnatomy(Label.PITUITARY, seed);
            TumourRegion t = s.phantom().tumour().orElseThrow();
            double half = SIZE / 2.0 * s.headScale();
            assertTrue(Math.abs(s.acrossMidline(t.centreX(), t.centreY())) < 0.05 * half + 1, "off midline: " + t);
            assertTrue(s.belowCentre(t.centreX(), t.centreY()) > 0.25 * half, "not low in the skull: " + t);
            assertTrue(t.radius() < 0.12 * half, "too large for a pituitary mass: " + t);
            boolean[] mask = t.mask();
            for (int i = 0; i < mask.length; i++) {
                assertTrue(!mask[i] || s.brain()[i], "pituitary pixel outside the intracranial space");
            }
        }
    }

    @Test
    void tumourRegionSummarisesItsMask() {
        boolean[] mask = new boolean[16];
        mask[5] = true;
        mask[6] = true;
        TumourRegion r = TumourRegion.fromMask(4, 4, mask);
        assertEquals(1.5, r.centreX(), 1e-9);
        assertEquals(1.0, r.centreY(), 1e-9);
        assertEquals(Math.sqrt(2 / Math.PI), r.radius(), 1e-9);
        assertEquals(2, r.area());
        assertTrue(r.contains(2, 1));
        assertFalse(r.contains(3, 1));
        assertFalse(r.contains(-1, 0));
        r.mask()[0] = true;
        assertFalse(r.contains(0, 0), "mask must be defensively copied");
        assertThrows(IllegalArgumentException.class, () -> TumourRegion.fromMask(4, 4, new boolean[16]));
        assertThrows(IllegalArgumentException.class,
                () -> new Phantom(FloatImage.blank(4, 4), Label.GLIOMA, Optional.empty()));
    }

    @Test
    void imageSeedDependsOnEveryPartButNotOnOrder() {
        long a = PhantomGenerator.imageSeed(1, "Training", Label.GLIOMA, 0);
        assertEquals(a, PhantomGenerator.imageSeed(1, "Training", Label.GLIOMA, 0));
        assertNotEquals(a, PhantomGenerator.imageSeed(2, "Training", Label.GLIOMA, 0));
        assertNotEquals(a, PhantomGenerator.imageSeed(1, "Testing", Label.GLIOMA, 0));
        assertNotEquals(a, PhantomGenerator.imageSeed(1, "Training", Label.MENINGIOMA, 0));
        assertNotEquals(a, PhantomGenerator.imageSeed(1, "Training", Label.GLIOMA, 1));
    }

    @Test
    void configRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> PhantomConfig.builder().optImageSize(16).build());
        assertThrows(IllegalArgumentException.class, () -> PhantomConfig.builder().optTrainingPerClass(-1).build());
        assertThrows(IllegalArgumentException.class, () -> PhantomConfig.builder().optJpegQuality(0f).build());
        PhantomConfig c = PhantomConfig.builder().optSeed(5).build();
        assertEquals(c, c.toBuilder().build());
        assertEquals(PhantomConfig.DEFAULT_IMAGE_SIZE, PhantomConfig.defaults().imageSize());
    }
}
