package org.mriworkbench.augment;

import java.util.SplittableRandom;
import org.mriworkbench.core.SplitMix64;

/**
 * Derives one independent generator per (seed, epoch, sample) so that augmentation is reproducible no matter how
 * samples are scheduled across threads or batches. A single shared generator would make sample 7's rotation depend
 * on how many images other threads had drawn first.
 *
 * <p>Pass the sample's <em>position in the epoch's visiting order</em> (not its data-set index) when a sampling
 * strategy may visit the same image twice in one epoch, so that oversampled copies are augmented differently.
 *
 * <p>Mixing uses the 64-bit finaliser of SplitMix64 (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014), the same function {@link SplittableRandom} is built on.
 */
public final class AugmentSeeds {

    private AugmentSeeds() {
    }

    /** A seed that depends on all three inputs; neighbouring epochs or samples give unrelated seeds. */
    public static long derive(long seed, int epoch, long sample) {
        long h = SplitMix64.mix64(seed);
        h = SplitMix64.mix64(h + SplitMix64.GOLDEN_GAMMA * (epoch + 1L));
        return SplitMix64.mix64(h + SplitMix64.GOLDEN_GAMMA * (sample + 1L) + 0x632BE59BD9B4E019L);
    }

    /** A fresh generator for one sample in one epoch. */
    public static SplittableRandom forSample(long seed, int epoch, long sample) {
        return new SplittableRandom(derive(seed, epoch, sample));
    }
}
