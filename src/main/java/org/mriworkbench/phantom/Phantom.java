package org.mriworkbench.phantom;

import java.util.Objects;
import java.util.Optional;
import org.mriworkbench.core.FloatImage;
import org.mriworkbench.core.Label;

/**
 * One synthetic slice with the truth that real slices never come with: its label is certain and, for tumour
 * classes, the tumour's pixels are known. Lets the whole pipeline (and its explanations) be exercised and checked
 * without any patient data.
 *
 * @param image  single-channel image, values in [0,1]
 * @param label  one of the four Kaggle classes
 * @param tumour the tumour's region; present exactly when {@code label} is a tumour class
 */
public record Phantom(FloatImage image, Label label, Optional<TumourRegion> tumour) {

    public Phantom {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(tumour, "tumour");
        if (label.isTumour() != tumour.isPresent()) {
            throw new IllegalArgumentException("tumour region must be present exactly for tumour labels: " + label);
        }
    }
}
