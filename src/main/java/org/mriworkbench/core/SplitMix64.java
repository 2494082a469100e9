package org.mriworkbench.core;

/**
 * The 64-bit finaliser of SplitMix64 (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators",
 * OOPSLA 2014), the same function {@link java.util.SplittableRandom} is built on. Seeds derived from a run seed and
 * an epoch, a sample or an image name go through it so that neighbouring inputs give unrelated seeds; every seeded
 * component that derives sub-seeds uses this one function, so a derived seed means the same thing everywhere.
 */
public final class SplitMix64 {

    /** The odd constant SplitMix64 adds per step (2^64 divided by the golden ratio). */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private SplitMix64() {
    }

    /** Mixes all 64 bits of {@code z}: one input bit changes about half of the output bits. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A seed derived from {@code seed} and a {@code value} (a split, a label, an index, a stream tag): nearby values
     * give unrelated seeds. The phantom generator derives every image's seed and its anatomy, tumour and noise
     * streams through this, so the function is part of what makes a written phantom data set reproducible.
     */
    public static long mix(long seed, long value) {
        return mix64(seed + GOLDEN_GAMMA * (value + 0x632BE59BD9B4E019L));
    }
}
