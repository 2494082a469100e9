package org.mriworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void isTheFunctionSplittableRandomIsBuiltOn() {
        // a fresh SplittableRandom(s) returns mix64(s + GOLDEN_GAMMA) first
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
            assertEquals(new SplittableRandom(seed).nextLong(), SplitMix64.mix64(seed + SplitMix64.GOLDEN_GAMMA),
                    "seed " + seed);
        }
    }

    @Test
    void matchesTheReferenceOutputForSeedZero() {
        // first output of the reference SplitMix64 generator seeded with 0 (Vigna's splitmix64.c)
        assertEquals(0xE220A8397B1DCDAFL, SplitMix64.mix64(SplitMix64.GOLDEN_GAMMA));
    }

    @Test
    void neighbouringInputsGiveUnrelatedOutputs() {
        for (long z = 0; z < 64; z++) {
            int flipped = Long.bitCount(SplitMix64.mix64(z) ^ SplitMix64.mix64(z + 1));
            assertTrue(flipped >= 12 && flipped <= 52, z + ": " + flipped + " bits differ");
        }
    }

    @Test
    void derivedSeedsOfNeighbouringValuesAreUnrelatedAndDependOnTheSeed() {
        for (long v = 0; v < 64; v++) {
            int flipped = Long.bitCount(SplitMix64.mix(42, v) ^ SplitMix64.mix(42, v + 1));
            assertTrue(flipped >= 12 && flipped <= 52, v + ": " + flipped + " bits differ");
            assertTrue(SplitMix64.mix(42, v) != SplitMix64.mix(43, v), "seed ignored for value " + v);
        }
    }
}
