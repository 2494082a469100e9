package org.mriworkbench.augment;

import java.util.SplittableRandom;

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

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private AugmentSeeds() {
    }

    /** A seed that depends on all three inputs; neighbouring epochs or samples give unrelated seeds. */
    public static long derive(long seed, int epoch, long sample) {
        long h = mix64(seed);
        h = mix64(h + GOLDEN_GAMMA * (epoch + 1L));
        return mix64(h + GOLDEN_GAMMA * (sample + 1L) + 0x632BE59BD9B4E019L);
    }

    /** A fresh generator for one sample in one epoch. */
    public static SplittableRandom forSample(long seed, int epoch, long sample) {
        return new SplittableRandom(derive(seed, epoch, sample));
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
