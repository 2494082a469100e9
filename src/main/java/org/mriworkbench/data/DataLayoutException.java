package org.mriworkbench.data;

import java.nio.file.Path;

/**
 * The data-set folder is missing or is not laid out as the workbench expects. The message names the path and the
 * layouts that are accepted, because the fix is always on the user's disk.
 */
public class DataLayoutException extends RuntimeException {

    /** The layouts the scanner accepts, for error messages and help texts. */
    public static final String EXPECTED_LAYOUT = "expected Training/<class>/*.jpg and Testing/<class>/*.jpg "
            + "(Kaggle layout) or <class>/*.jpg (flat layout), with class folders such as glioma, meningioma, "
            + "pituitary, notumor (or glioma_tumor, no_tumor, yes, no)";

    private final transient Path path;

    public DataLayoutException(Path path, String problem) {
        super(problem + ": " + path + " (" + EXPECTED_LAYOUT + ")");
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
