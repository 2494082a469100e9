package org.mriworkbench.data;

import java.util.List;
import java.util.Locale;
import org.mriworkbench.core.Label;

/**
 * The classification question a model answers. It fixes the class order, so that column {@code i} of every
 * probability matrix means the same class in training, evaluation, charts and saved predictions. In the binary task
 * the positive class (index 1) is the tumour, as detection metrics expect.
 */
public enum Task {
    /** Tumour (any kind) vs. no tumour; classes {@code [NO_TUMOR, TUMOR]}. */
    BINARY(List.of("NO_TUMOR", "TUMOR")),
    /** Glioma, meningioma, no tumour, pituitary, in the Kaggle folders' alphabetical order. */
    FOUR_CLASS(List.of("GLIOMA", "MENINGIOMA", "NO_TUMOR", "PITUITARY"));

    private final List<String> classNames;

    Task(List<String> classNames) {
        this.classNames = classNames;
    }

    /** Class names in index order. */
    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    /**
     * The class index of a label in this task, or -1 when the label cannot be used (an unspecific
     * {@link Label#TUMOR} in the four-class task).
     */
    public int classIndex(Label label) {
        if (this == BINARY) {
            return label.isTumour() ? 1 : 0;
        }
        return label == Label.TUMOR ? -1 : Label.FOUR_CLASS.indexOf(label);
    }

    /** Parses {@code binary}, {@code 2}, {@code four-class}, {@code 4}. */
    public static Task parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "binary", "2", "two" -> BINARY;
            case "four-class", "four_class", "4", "four", "multiclass" -> FOUR_CLASS;
            default -> throw new IllegalArgumentException("unknown task '" + s + "'; use binary or four-class");
        };
    }
}
