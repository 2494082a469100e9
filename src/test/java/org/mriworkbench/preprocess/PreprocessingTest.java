package org.mriworkbench.preprocess;

import org.junit.jupiter.api.Test;

import java.util.List;
import org.mriworkbench.core.FloatImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreprocessingTest {

    @Test
    void standardStepsAreNamedAndSized() {
        FloatImage rgb = ResizePadTest.random(224, 200, 3, 1);
        List<Preprocessing.Step> steps = Preprocessing.standard(128).steps(rgb);
        assertEquals(List.of("input", "grayscale", "resize-pad(128)", "normalize-intensity(0.5,99.5)"),
                steps.stream().map(Preprocessing.Step::name).toList());
        assertEquals(rgb, steps.get(0).image());
        assertEquals(1, steps.get(1).image().channels());
        assertEquals(224, steps.get(1).image().width());
        assertEquals(128, steps.get(2).image().width());
        assertEquals(128, steps.get(2).image().height());
        assertEquals(steps.get(3).image(), Preprocessing.standard(128).apply(rgb));
    }

    @Test
    void denoiseGoesBeforeNormalisationAndCanBeReplacedOrRemoved() {
        Preprocessing p = Preprocessing.standard(64).withDenoise(1);
        assertEquals("grayscale -> resize-pad(64) -> gaussian-denoise(1.0) -> normalize-intensity(0.5,99.5)",
                p.describe());
        assertEquals(4, p.withDenoise(0.5).ops().size());
        assertTrue(p.withDenoise(0.5).describe().contains("gaussian-denoise(0.5)"));
        assertEquals(Preprocessing.standard(64), p.withDenoise(0));
        assertEquals(List.of(new GaussianDenoise(2)), Preprocessing.of().withDenoise(2).ops());
    }

    @Test
    void fingerprintFollowsEveryParameter() {
        String base = Preprocessing.standard(128).fingerprint();
        assertEquals(64, base.length());
        assertEquals(base, Preprocessing.standard(128).fingerprint());
        assertNotEquals(base, Preprocessing.standard(96).fingerprint());
        assertNotEquals(base, Preprocessing.standard(128).withDenoise(1).fingerprint());
        assertNotEquals(base, Preprocessing.of(new Grayscale(), new ResizePad(128), NormalizeIntensity.minMax())
                .fingerprint());
    }

    @Test
    void isImmutable() {
        Preprocessing.Builder b = Preprocessing.builder().add(new Grayscale());
        Preprocessing p = b.build();
        b.add(new ResizePad(10));
        assertEquals(1, p.ops().size());
        assertThrows(UnsupportedOperationException.class, () -> p.ops().add(new ResizePad(3)));
        assertEquals(Preprocessing.of(new Grayscale(), new ResizePad(10)),
                p.toBuilder().add(new ResizePad(10)).build());
        assertEquals("identity", Preprocessing.of().describe());
    }

    @Test
    void jsonRoundTrips() {
        Preprocessing p = Preprocessing.standard(128).withDenoise(0.75);
        String json = p.toJson();
        assertTrue(json.contains("\"op\":\"resize-pad\""), json);
        assertTrue(json.contains("\"size\":128"), json);
        Preprocessing back = Preprocessing.fromJson(json);
        assertEquals(p, back);
        assertEquals(p.fingerprint(), back.fingerprint());
    }

    @Test
    void unknownOpInJsonIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Preprocessing.fromJson("{\"ops\":[{\"op\":\"sharpen\"}]}"));
        assertTrue(e.getMessage().contains("known ops"), e.getMessage());
    }
}
