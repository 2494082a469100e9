package org.mriworkbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeededSampleTest {

    // 0: 6 members, 1: 2 members, 2: none, 3: 4 members
    private static final int[] LABELS = {0, 1, 0, 3, 0, 3, 0, 0, 1, 3, 0, 3};

    @Test
    void perClassKeepsAtMostCapOfEachClassAscending() {
        int[] kept = SeededSample.perClass(LABELS, 3, 7);
        int[] perClass = new int[4];
        for (int i = 0; i < kept.length; i++) {
            perClass[LABELS[kept[i]]]++;
            if (i > 0) {
                assertTrue(kept[i - 1] < kept[i], "ascending and distinct");
            }
        }
        assertArrayEquals(new int[] {3, 2, 0, 3}, perClass);
    }

    @Test
    void theSameSeedDrawsTheSameSampleAndOtherSeedsDiffer() {
        assertArrayEquals(SeededSample.perClass(LABELS, 3, 7), SeededSample.perClass(LABELS, 3, 7));
        boolean anyDiffers = false;
        for (long seed = 8; seed < 20; seed++) {
            anyDiffers |= !java.util.Arrays.equals(SeededSample.perClass(LABELS, 3, 7),
                    SeededSample.perClass(LABELS, 3, seed));
        }
        assertTrue(anyDiffers);
    }

    @Test
    void aCapAboveEveryClassKeepsEverything() {
        int[] all = new int[LABELS.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        assertArrayEquals(all, SeededSample.perClass(LABELS, 100, 1));
        assertArrayEquals(all, SeededSample.indices(LABELS.length, 100, 1));
    }

    @Test
    void indicesIsOneShuffleWithTheSeedCutAndSorted() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(11));
        int[] expected = order.subList(0, 9).stream().mapToInt(Integer::intValue).sorted().toArray();
        assertArrayEquals(expected, SeededSample.indices(50, 9, 11));
    }

    @Test
    void shuffleAndCapLeavesItsInputAloneAndSharesTheGenerator() {
        List<String> items = List.of("a", "b", "c", "d", "e");
        Random rng = new Random(3);
        List<String> first = SeededSample.shuffleAndCap(items, 2, rng);
        List<String> second = SeededSample.shuffleAndCap(items, 5, rng);
        assertEquals(List.of("a", "b", "c", "d", "e"), items);
        assertEquals(2, first.size());
        assertEquals(5, second.size());
        assertTrue(second.containsAll(items));
        Random again = new Random(3);
        assertEquals(first, SeededSample.shuffleAndCap(items, 2, again));
        assertEquals(second, SeededSample.shuffleAndCap(items, 5, again));
        assertFalse(SeededSample.shuffleAndCap(items, 0, new Random(1)).iterator().hasNext());
        assertThrows(IllegalArgumentException.class, () -> SeededSample.shuffleAndCap(items, -1, new Random(1)));
    }
}
