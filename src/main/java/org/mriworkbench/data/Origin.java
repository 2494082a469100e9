package org.mriworkbench.data;

import java.util.Locale;
import java.util.Optional;

/**
 * Which official split folder an image was found in. Kept apart from the workbench's own train/validation/test
 * assignment because the official Testing folder leaks into Training, and the audit has to talk about both.
 */
public enum Origin {
    TRAINING, TESTING, UNSPLIT;

    /** Recognises the split folder names used by public layouts ({@code Training}, {@code train}, ...). */
    public static Optional<Origin> fromFolderName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "training", "train" -> Optional.of(TRAINING);
            case "testing", "test" -> Optional.of(TESTING);
            default -> Optional.empty();
        };
    }
}
