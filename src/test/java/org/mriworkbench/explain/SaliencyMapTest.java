package org.mriworkbench.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SaliencyMapTest {

    @Test
    void peakIsTheMaximumWithTiesToTheFirstInRowMajorOrder() {
        float[] v = new float[3 * 2];
        v[1 * 3 + 2] = 0.9f; // x=2, y=1
        v[1 * 3 + 0] = 0.9f; // x=0, y=1 comes first
        SaliencyMap m = new SaliencyMap(v, 3, 2, "test", 1);
        assertEquals(new SaliencyMap.Peak(0, 1, 0.9f), m.peak());
        assertEquals(0.9f, m.value(2, 1));
        assertFalse(m.isFlat());
    }

    @Test
    void valuesAreCopiedInAndOut() {
        float[] v = {0.1f, 0.2f};
        SaliencyMap m = new SaliencyMap(v, 2, 1, "test", 0);
        v[0] = 5;
        m.values()[1] = 7;
        assertArrayEquals(new float[] {0.1f, 0.2f}, m.values());
        assertEquals(m, new SaliencyMap(new float[] {0.1f, 0.2f}, 2, 1, "test", 0));
    }

    @Test
    void flatMapIsReportedAndImageIsScaledToOne() {
        SaliencyMap flat = new SaliencyMap(new float[4], 2, 2, "test", 0);
        assertTrue(flat.isFlat());
        assertArrayEquals(new float[4], flat.toImage().pixels());
        SaliencyMap m = new SaliencyMap(new float[] {0, 0.25f, 0.5f, 0}, 2, 2, "occlusion", 1);
        assertArrayEquals(new float[] {0, 0.5f, 1, 0}, m.toImage().pixels());
    }

    @Test
    void rejectsMalformedMaps() {
        assertThrows(IllegalArgumentException.class, () -> new SaliencyMap(new float[3], 2, 2, "t", 0));
        assertThrows(IllegalArgumentException.class, () -> new SaliencyMap(new float[] {-1}, 1, 1, "t", 0));
        assertThrows(IllegalArgumentException.class, () -> new SaliencyMap(new float[] {Float.NaN}, 1, 1, "t", 0));
        assertThrows(IllegalArgumentException.class, () -> new SaliencyMap(new float[1], 1, 1, "t", -1));
        assertThrows(IndexOutOfBoundsException.class, () -> new SaliencyMap(new float[1], 1, 1, "t", 0).value(1, 0));
    }
}
