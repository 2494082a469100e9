package org.mriworkbench.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded "shuffle, then keep the first n": the one way the workbench draws a smaller sample, overall or per class
 * (a profile's per-class limits, the per-class sample grid, a shift check's reference images). Keeping one
 * implementation keeps every such draw reproducible from its seed in the same way, so a sample named in a run's
 * record can be drawn again.
 */
public final class SeededSample {

    private SeededSample() {
    }

    /**
     * A shuffled copy of {@code items} cut to at most {@code cap}, in shuffled order. Draws from {@code rng}
     * ({@link Collections#shuffle(List, Random)}), so several groups can share one generator in turn.
     */
    public static <T> List<T> shuffleAndCap(List<T> items, int cap, Random rng) {
        if (cap < 0) {
            throw new IllegalArgumentException("cap must be >= 0, got " + cap);
        }
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, rng);
        return new ArrayList<>(copy.subList(0, Math.min(cap, copy.size())));
    }

    /** At most {@code cap} of the indices {@code 0..n-1}, drawn with {@code seed}, ascending. */
    public static int[] indices(int n, int cap, long seed) {
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return ascending(shuffleAndCap(all, cap, new Random(seed)));
    }

    /**
     * At most {@code cap} indices of each class of {@code labels} (class indices, 0 and up), ascending. The classes
     * are drawn in ascending order from one generator seeded with {@code seed}.
     */
    public static int[] perClass(int[] labels, int cap, long seed) {
        int k = 0;
        for (int l : labels) {
            if (l < 0) {
                throw new IllegalArgumentException("class index must be >= 0, got " + l);
            }
            k = Math.max(k, l + 1);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        Random rng = new Random(seed);
        List<Integer> keep = new ArrayList<>();
        for (List<Integer> members : byClass) {
            keep.addAll(shuffleAndCap(members, cap, rng));
        }
        return ascending(keep);
    }

    private static int[] ascending(List<Integer> indices) {
        return indices.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
