package org.mriworkbench.data;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Something a scan skipped and why: a corrupt image, a file that is not an image, an unknown class folder, an empty
 * class folder, a symlink loop. Issues are collected, never thrown, so one bad file cannot end a scan of thousands.
 */
public record ScanIssue(String path, Kind kind, String reason) {

    /** What was wrong, so reports can group issues. */
    public enum Kind {
        UNREADABLE_IMAGE, NOT_AN_IMAGE, UNKNOWN_CLASS_FOLDER, EMPTY_CLASS_FOLDER, STRAY_FILE,
        /** A link to a folder that contains it; following it would index the same images again and again. */
        SYMLINK_LOOP,
        /** A second route (through a link) to a folder already walked. */
        REPEATED_FOLDER,
        /** A folder whose real path cannot be resolved (permissions, a vanished mount). */
        UNREADABLE_FOLDER,
        /** An image whose header declares more pixels than the scan allows; refused before decoding. */
        IMAGE_TOO_LARGE,
        /** A file name that the JVM cannot represent in its file-name encoding, so it could not be found again. */
        UNREPRESENTABLE_NAME
    }

    @Override
    public String toString() {
        return kind + " " + path + ": " + reason;
    }

    /**
     * A human-readable summary of {@code issues}: a count per kind, then for each kind its first {@code perKind}
     * paths with reasons. Grouping first means one flood (200 entries from a symlink loop) cannot push rarer and
     * worse problems (truncated or empty files) out of view, as a plain "first 20" list did.
     *
     * @return lines without trailing newlines; empty when there are no issues
     */
    public static List<String> summary(List<ScanIssue> issues, int perKind) {
        if (perKind < 0) {
            throw new IllegalArgumentException("perKind must be >= 0, got " + perKind);
        }
        List<String> lines = new ArrayList<>();
        if (issues.isEmpty()) {
            return lines;
        }
        Map<Kind, List<ScanIssue>> byKind = new EnumMap<>(Kind.class);
        for (ScanIssue i : issues) {
            byKind.computeIfAbsent(i.kind(), k -> new ArrayList<>()).add(i);
        }
        lines.add(issues.size() + " skipped or reported, by kind:");
        for (Map.Entry<Kind, List<ScanIssue>> e : byKind.entrySet()) {
            lines.add(String.format("  %-22s %d", e.getKey(), e.getValue().size()));
        }
        for (Map.Entry<Kind, List<ScanIssue>> e : byKind.entrySet()) {
            List<ScanIssue> list = e.getValue();
            lines.add(e.getKey() + ":");
            for (ScanIssue i : list.subList(0, Math.min(perKind, list.size()))) {
                lines.add("  " + i.path() + ": " + i.reason());
            }
            if (list.size() > perKind) {
                lines.add("  ... and " + (list.size() - perKind) + " more");
            }
        }
        return lines;
    }
}
