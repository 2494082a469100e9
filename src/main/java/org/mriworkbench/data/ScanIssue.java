package org.mriworkbench.data;

/**
 * Something a scan skipped and why: a corrupt image, a file that is not an image, an unknown class folder, an empty
 * class folder. Issues are collected, never thrown, so one bad file cannot end a scan of thousands.
 */
public record ScanIssue(String path, Kind kind, String reason) {

    /** What was wrong, so reports can group issues. */
    public enum Kind { UNREADABLE_IMAGE, NOT_AN_IMAGE, UNKNOWN_CLASS_FOLDER, EMPTY_CLASS_FOLDER, STRAY_FILE }

    @Override
    public String toString() {
        return kind + " " + path + ": " + reason;
    }
}
