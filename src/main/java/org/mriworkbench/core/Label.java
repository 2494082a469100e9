package org.mriworkbench.core;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The diagnostic classes a slice can carry. Public data sets spell their class folders in many ways
 * ({@code glioma_tumor}, {@code no}, {@code yes}); mapping every spelling to one enum lets the rest of the
 * workbench ignore where an image came from. {@link #TUMOR} exists for binary-only sets that do not say which
 * tumour it is.
 */
public enum Label {
    GLIOMA, MENINGIOMA, PITUITARY, NO_TUMOR, TUMOR;

    private static final Map<String, Label> ALIASES = Map.ofEntries(
            Map.entry("glioma", GLIOMA), Map.entry("glioma_tumor", GLIOMA), Map.entry("glioma_tumour", GLIOMA),
            Map.entry("meningioma", MENINGIOMA), Map.entry("meningioma_tumor", MENINGIOMA),
            Map.entry("meningioma_tumour", MENINGIOMA),
            Map.entry("pituitary", PITUITARY), Map.entry("pituitary_tumor", PITUITARY),
            Map.entry("pituitary_tumour", PITUITARY),
            Map.entry("notumor", NO_TUMOR), Map.entry("no_tumor", NO_TUMOR), Map.entry("notumour", NO_TUMOR),
            Map.entry("no_tumour", NO_TUMOR), Map.entry("normal", NO_TUMOR), Map.entry("no", NO_TUMOR),
            Map.entry("yes", TUMOR), Map.entry("tumor", TUMOR), Map.entry("tumour", TUMOR));

    /** Maps a class-folder name to a label, case-insensitively; empty when the name is not a known alias. */
    public static Optional<Label> fromFolderName(String folder) {
        if (folder == null) {
            return Optional.empty();
        }
        String key = folder.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Optional.ofNullable(ALIASES.get(key));
    }

    /** True for every class that is a tumour, including the unspecific {@link #TUMOR}. */
    public boolean isTumour() {
        return this != NO_TUMOR;
    }

    /** The four-class labels in the order used for class indices of four-class models. */
    public static final java.util.List<Label> FOUR_CLASS = java.util.List.of(GLIOMA, MENINGIOMA, NO_TUMOR, PITUITARY);
}
