package org.mriworkbench.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanIssueTest {

    @Test
    void oneFloodCannotHideRareKinds() {
        List<ScanIssue> issues = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            issues.add(new ScanIssue("Training/pituitary/loop" + "/loop".repeat(i % 5) + "/p" + i + ".jpg",
                    ScanIssue.Kind.SYMLINK_LOOP, "link back"));
        }
        issues.add(new ScanIssue("Training/glioma/cut.jpg", ScanIssue.Kind.UNREADABLE_IMAGE, "truncated image"));
        issues.add(new ScanIssue("Training/glioma/zero.jpg", ScanIssue.Kind.UNREADABLE_IMAGE, "empty file (0 bytes)"));
        issues.add(new ScanIssue("Training/glioma/notes.txt", ScanIssue.Kind.NOT_AN_IMAGE, "not an image file"));
        List<String> lines = ScanIssue.summary(issues, 3);
        String text = String.join("\n", lines);
        assertTrue(lines.get(0).startsWith("203 "), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+SYMLINK_LOOP\\s+200")), text);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+UNREADABLE_IMAGE\\s+2")), text);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+NOT_AN_IMAGE\\s+1")), text);
        assertTrue(text.contains("Training/glioma/cut.jpg: truncated image"), text);
        assertTrue(text.contains("Training/glioma/zero.jpg: empty file"), text);
        assertTrue(text.contains("Training/glioma/notes.txt"), text);
        assertTrue(text.contains("... and 197 more"), text);
        assertEquals(3, lines.stream().filter(l -> l.contains("/loop")).count(), "three loop paths shown");
    }

    @Test
    void noIssuesGiveNoLines() {
        assertEquals(List.of(), ScanIssue.summary(List.of(), 5));
    }
}
