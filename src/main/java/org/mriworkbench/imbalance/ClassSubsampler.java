package org.mriworkbench.imbalance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.mriworkbench.core.Label;
import org.mriworkbench.core.SplitMix64;

/**
 * Keeps a seeded random fraction of one class and everything else, to <em>create</em> imbalance on purpose: public
 * brain-MRI sets are fairly balanced, so a lesson on imbalance first has to make, say, {@code NO_TUMOR} rare
 * (10%) to show what the strategies in this package fix. Use it on the training split only; the test split should
 * keep its natural distribution.
 *
 * @param classIndex the class to thin out
 * @param fraction   the share of that class to keep, in [0,1]; the kept count is {@code round(fraction * n)}
 * @param seed       selects which samples are kept
 */
public record ClassSubsampler(int classIndex, double fraction, long seed) {

    public ClassSubsampler {
        if (classIndex < 0) {
            throw new IllegalArgumentException("classIndex must be >= 0, got " + classIndex);
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in [0,1], got " + fraction);
        }
    }

    /** A subsampler for {@code label}, whose index is its position in {@code classOrder} (e.g. {@link Label#FOUR_CLASS}). */
    public static ClassSubsampler of(Label label, List<Label> classOrder, double fraction, long seed) {
        int index = classOrder.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException(label + " is not in the class order " + classOrder);
        }
        return new ClassSubsampler(index, fraction, seed);
    }

    /** Indices of the samples kept, ascending, so the original order of the data set is preserved. */
    public int[] keptIndices(int[] labels) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        int[] members = Arrays.stream(Sampling.identity(labels.length)).filter(i -> labels[i] == classIndex)
                .toArray();
        int keep = (int) Math.round(fraction * members.length);
        SplittableRandom rng = new SplittableRandom(SplitMix64.mix64(seed));
        boolean[] kept = new boolean[labels.length];
        for (int i : Sampling.withoutReplacement(members, keep, rng)) {
            kept[i] = true;
        }
        return Arrays.stream(Sampling.identity(labels.length)).filter(i -> labels[i] != classIndex || kept[i])
                .toArray();
    }

    /** The kept items of {@code items}, where {@code labels[i]} is the class index of {@code items.get(i)}. */
    public <T> List<T> subsample(List<T> items, int[] labels) {
        if (items.size() != labels.length) {
            throw new IllegalArgumentException(items.size() + " items but " + labels.length + " labels");
        }
        List<T> out = new ArrayList<>();
        for (int i : keptIndices(labels)) {
            out.add(items.get(i));
        }
        return List.copyOf(out);
    }
}
