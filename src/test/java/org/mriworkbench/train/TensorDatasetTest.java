package org.mriworkbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TensorDatasetTest {

    static TensorDataset three() {
        float[] d = new float[3 * 2 * 2];
        for (int i = 0; i < d.length; i++) {
            d[i] = i;
        }
        return TensorDataset.of(d, 3, 1, 2, 2, new int[] {0, 1, 1}, List.of("a", "b", "c"));
    }

    @Test
    void subsetKeepsOrderRepeatsAndLabels() {
        TensorDataset s = three().subset(new int[] {2, 0, 2});
        assertEquals(3, s.size());
        assertArrayEquals(new int[] {1, 0, 1}, s.labels());
        assertEquals(List.of("c", "a", "c"), s.ids());
        assertArrayEquals(new float[] {8, 9, 10, 11}, s.image(0).pixels());
        assertArrayEquals(new int[] {1, 2}, s.classCounts(2));
    }

    @Test
    void ofCopiesSoCallerChangesDoNotLeakIn() {
        float[] d = new float[4];
        TensorDataset t = TensorDataset.of(d, 1, 1, 2, 2, new int[] {0}, List.of("x"));
        String before = t.fingerprint();
        d[0] = 5;
        assertEquals(before, t.fingerprint());
        assertNotEquals(before, three().fingerprint());
    }

    @Test
    void rejectsInconsistentShapes() {
        assertThrows(IllegalArgumentException.class,
                () -> TensorDataset.of(new float[5], 1, 1, 2, 2, new int[] {0}, List.of("x")));
        assertThrows(IllegalArgumentException.class,
                () -> TensorDataset.of(new float[4], 1, 1, 2, 2, new int[] {0, 1}, List.of("x")));
    }
}
