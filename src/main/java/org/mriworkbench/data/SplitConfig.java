package org.mriworkbench.data;

import java.util.Locale;

/**
 * How to divide a data set into train, validation and test subsets.
 *
 * @param mode               grouped re-split of the whole pool (default) or the official Testing folder as test
 * @param validationFraction share of the pool (re-split) or of Training (official) held out for validation
 * @param testFraction       share of the pool used as test in a re-split; ignored in official mode
 * @param seed               seed of the group shuffle; the same seed always gives the same split
 */
public record SplitConfig(Mode mode, double validationFraction, double testFraction, long seed) {

    /** The two ways of splitting; see {@link DatasetSplitter}. */
    public enum Mode {
        /** Re-split the whole pool, grouped by duplicate clusters and stratified by label. */
        GROUPED_RESPLIT,
        /** Keep the official Testing folder as test, minus images with a copy in Training; carve validation from Training. */
        OFFICIAL_TEST;

        /** The name the command line takes and prints: {@code grouped-resplit} or {@code official-test}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Parses {@code grouped}, {@code resplit}, {@code official}. */
        public static Mode parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "grouped", "grouped-resplit", "resplit", "leakage-free" -> GROUPED_RESPLIT;
                case "official", "official-test" -> OFFICIAL_TEST;
                default -> throw new IllegalArgumentException("unknown split mode '" + s
                        + "'; use grouped-resplit or official-test");
            };
        }
    }

    /** Grouped re-split, 70/15/15, seed 42. */
    public static final SplitConfig DEFAULT = new SplitConfig(Mode.GROUPED_RESPLIT, 0.15, 0.15, 42);

    public SplitConfig {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in (0,1), got " + validationFraction);
        }
        if (mode == Mode.GROUPED_RESPLIT && !(testFraction > 0 && validationFraction + testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be > 0 and validation + test < 1, got "
                    + validationFraction + " + " + testFraction);
        }
    }

    public SplitConfig withMode(Mode m) {
        return new SplitConfig(m, validationFraction, testFraction, seed);
    }

    public SplitConfig withSeed(long s) {
        return new SplitConfig(mode, validationFraction, testFraction, s);
    }

    public SplitConfig withFractions(double validation, double test) {
        return new SplitConfig(mode, validation, test, seed);
    }
}
