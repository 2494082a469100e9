package org.mriworkbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ArgMaxTest {

    @Test
    void findsTheLargestEntryWhereverItIs() {
        assertEquals(0, ArgMax.of(new double[] {0.9, 0.05, 0.05}));
        assertEquals(2, ArgMax.of(new double[] {0.1, 0.2, 0.7}));
        assertEquals(1, ArgMax.of(new double[] {-3, -1, -2}));
    }

    @Test
    void tiesGoToTheLowerIndexLikeNumpy() {
        assertEquals(1, ArgMax.of(new double[] {0.1, 0.45, 0.45}));
        assertArrayEquals(new int[] {0, 1}, ArgMax.ofRows(new double[][] {{0.5, 0.5}, {0.2, 0.4, 0.4}}));
    }

    @Test
    void rowsMayDifferInLengthAndAnEmptyRowIsRefused() {
        assertArrayEquals(new int[] {1, 3}, ArgMax.ofRows(new double[][] {{0, 1}, {0, 0, 0, 5}}));
        assertArrayEquals(new int[0], ArgMax.ofRows(new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> ArgMax.of(new double[0]));
    }
}
