package org.mriworkbench.imbalance;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The strategies by the names a run config uses, so an experiment can sweep them as strings and record which one
 * ran. Static factories give the configurable variants.
 */
public final class ImbalanceStrategies {

    private static final Map<String, Supplier<ImbalanceStrategy>> BY_NAME = Map.of(
            "none", ImbalanceStrategies::none,
            "class-weights", ImbalanceStrategies::classWeights,
            "oversample", ImbalanceStrategies::oversample,
            "undersample", ImbalanceStrategies::undersample,
            "focused-augmentation", ImbalanceStrategies::focusedAugmentation);

    private static final List<String> NAMES =
            List.of("none", "class-weights", "oversample", "undersample", "focused-augmentation");

    private ImbalanceStrategies() {
    }

    /** The valid names, in a stable order (control arm first). */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The strategy with default settings for {@code name} (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the valid names when {@code name} is unknown
     */
    public static ImbalanceStrategy byName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        Supplier<ImbalanceStrategy> s = BY_NAME.get(key);
        if (s == null) {
            throw new IllegalArgumentException("Unknown imbalance strategy '" + name + "'; valid names: "
                    + String.join(", ", NAMES));
        }
        return s.get();
    }

    /** Every sample once, unweighted. */
    public static ImbalanceStrategy none() {
        return new NoRebalancing();
    }

    /** Inverse-frequency loss weights, normalised to mean 1. */
    public static ImbalanceStrategy classWeights() {
        return new ClassWeighting(List.of());
    }

    /** User-given loss weights, one per class index. */
    public static ImbalanceStrategy classWeights(double... weights) {
        return new ClassWeighting(java.util.Arrays.stream(weights).boxed().toList());
    }

    /** Random oversampling of every class to the largest class's count. */
    public static ImbalanceStrategy oversample() {
        return new RandomOversampling();
    }

    /** Random undersampling of every class to the smallest class's count, redrawn each epoch. */
    public static ImbalanceStrategy undersample() {
        return new RandomUndersampling();
    }

    /** Focused augmentation with {@link FocusedAugmentation#DEFAULT} settings. */
    public static ImbalanceStrategy focusedAugmentation() {
        return FocusedAugmentation.DEFAULT;
    }

    /** Focused augmentation with explicit balance and maximum strength. */
    public static ImbalanceStrategy focusedAugmentation(double balance, double maxStrength) {
        return new FocusedAugmentation(balance, maxStrength);
    }
}
