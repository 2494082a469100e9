package org.mriworkbench.kernel;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * A notebook cell taken apart: its line magics ({@code %jars ...}) and its Java code cut into the snippets JShell
 * evaluates one at a time, each remembering where it starts in the cell.
 *
 * <p>Magic lines are blanked rather than removed, so that every offset in {@link #code()} is the same line and column
 * as in the cell the user typed: a compile error can then point at the cell, not at a snippet the user never saw.
 * A magic is a line whose first non-blank characters are {@code %} and a letter (IJava's rule); a Java line never
 * starts that way, except a continued modulo expression, which is rare enough to accept.
 *
 * @param code    the cell with its magic lines blanked
 * @param magics  the line magics, in cell order
 * @param cellMagic a {@code %%name} first line (not supported, kept to say so), or {@code null}
 */
record CellSource(String code, List<Magic> magics, String cellMagic) {

    /** A line magic: {@code %name args} on line {@code line} (1-based). */
    record Magic(String name, String args, int line) {
    }

    /** One JShell snippet: its source as JShell wants it (a missing semicolon added) and where it starts. */
    record Snippet(String source, int offset) {
    }

    /** Splits {@code cell} into its magics and Java code. */
    static CellSource parse(String cell) {
        List<Magic> magics = new ArrayList<>();
        StringBuilder code = new StringBuilder(cell.length());
        String cellMagic = null;
        int lineNo = 0;
        int start = 0;
        while (start <= cell.length()) {
            int nl = cell.indexOf('\n', start);
            int end = nl < 0 ? cell.length() : nl;
            String line = cell.substring(start, end);
            lineNo++;
            String t = line.strip();
            if (lineNo == 1 && t.startsWith("%%")) {
                cellMagic = t.substring(2).split("\\s+", 2)[0];
                line = "";
            } else if (t.length() > 1 && t.charAt(0) == '%' && Character.isLetter(t.charAt(1))) {
                String[] parts = t.substring(1).split("\\s+", 2);
                magics.add(new Magic(parts[0], parts.length > 1 ? parts[1].strip() : "", lineNo));
                line = " ".repeat(line.length()); // keeps columns of anything after it on later lines aligned
            }
            code.append(line);
            if (nl < 0) {
                break;
            }
            code.append('\n');
            start = nl + 1;
        }
        return new CellSource(code.toString(), List.copyOf(magics), cellMagic);
    }

    /**
     * Cuts the code into complete snippets. An incomplete or unparseable tail becomes one last snippet, so that JShell
     * reports its compile error instead of the cell silently running only its first half.
     */
    List<Snippet> snippets(SourceCodeAnalysis analysis) {
        List<Snippet> out = new ArrayList<>();
        String remaining = code;
        while (!remaining.isBlank()) {
            int offset = code.length() - remaining.length();
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            boolean complete = info.completeness().isComplete() && info.source() != null;
            // Leading blanks are dropped so that the snippet's line 1 is its first line of code: JShell numbers
            // stack-frame lines that way, and diagnostics then count from the same place.
            String source = (complete ? info.source() : remaining).stripLeading();
            int start = offset + leadingOffset(remaining, source);
            if (!source.isBlank()) {
                out.add(new Snippet(source, start));
            }
            if (!complete || info.remaining().length() >= remaining.length()) {
                break;
            }
            remaining = info.remaining();
        }
        return out;
    }

    /**
     * Where {@code source} begins inside {@code text}: JShell drops leading blanks (and sometimes comments) from a
     * snippet, so the snippet's own positions are shifted from the cell's by this much.
     */
    private static int leadingOffset(String text, String source) {
        String head = source.strip();
        if (head.endsWith(";")) {
            head = head.substring(0, head.length() - 1); // JShell may have added it
        }
        head = head.substring(0, Math.min(head.length(), 24));
        int i = head.isEmpty() ? -1 : text.indexOf(head);
        if (i >= 0) {
            int lead = source.indexOf(head);
            return Math.max(0, i - Math.max(0, lead));
        }
        int j = 0;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j;
    }

    /** The 1-based line of an offset in the code. */
    int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, code.length()); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The 1-based column of an offset in the code. */
    int columnOf(int offset) {
        int o = Math.min(offset, code.length());
        int lineStart = code.lastIndexOf('\n', o - 1) + 1;
        return o - lineStart + 1;
    }

    /** The text of a 1-based line, for showing the line a compile error is on. */
    String line(int line) {
        String[] lines = code.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }
}
