package org.mriworkbench.model;

import java.util.List;
import java.util.Locale;

/**
 * Named architectures, so that a run config says {@code classic} rather than repeating layer lists, and so that
 * lessons can move from the tiny tutorial network to larger ones one name at a time. Every preset takes the input
 * size (square, grey) and class count; use {@link CnnSpec#toBuilder()} for other channels or class weights.
 */
public final class CnnPresets {

    private static final List<String> NAMES = List.of("seed-baseline", "classic", "wide");

    private CnnPresets() {
    }

    /** The preset names, smallest first. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The preset called {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the valid presets when {@code name} is unknown
     */
    public static CnnSpec byName(String name, int inputSize, int numClasses, long seed) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "seed-baseline" -> seedBaseline(inputSize, numClasses, seed);
            case "classic" -> classic(inputSize, numClasses, seed);
            case "wide" -> wide(inputSize, numClasses, seed);
            default -> throw new IllegalArgumentException("Unknown CNN preset '" + name + "'; valid names: "
                    + String.join(", ", NAMES));
        };
    }

    /**
     * The tiny tutorial CNN: conv16, pool, conv32, pool, dense32, output; no batch norm, no dropout. Trains in
     * seconds on a laptop, which makes it the reference every larger model must beat.
     */
    public static CnnSpec seedBaseline(int inputSize, int numClasses, long seed) {
        return CnnSpec.builder().setInputSize(inputSize).setBlockFilters(16, 32).setNumClasses(numClasses)
                .setSeed(seed).optBatchNorm(false).optDropout(0).optDenseWidth(32).build();
    }

    /** Four blocks of 16/32/64/128 filters with batch norm, dropout 0.5, dense 128: the usual course CNN. */
    public static CnnSpec classic(int inputSize, int numClasses, long seed) {
        return CnnSpec.builder().setInputSize(inputSize).setBlockFilters(16, 32, 64, 128).setNumClasses(numClasses)
                .setSeed(seed).optBatchNorm(true).optDropout(0.5).optDenseWidth(128).build();
    }

    /** Twice the filters of {@code classic} (32/64/128/256) and dense 256: slower, usually a little more accurate. */
    public static CnnSpec wide(int inputSize, int numClasses, long seed) {
        return CnnSpec.builder().setInputSize(inputSize).setBlockFilters(32, 64, 128, 256).setNumClasses(numClasses)
                .setSeed(seed).optBatchNorm(true).optDropout(0.5).optDenseWidth(256).build();
    }
}
