package org.mriworkbench.kernel;

import java.util.ArrayList;
import java.util.List;

/** A cell that did not compile; nothing from the failing snippet on has run. */
public final class CompilationException extends CellException {

    /** One compiler message, at a 1-based line and column of the cell. */
    public record Problem(int line, int column, String message, String sourceLine) {
    }

    private final List<Problem> problems;

    CompilationException(List<Problem> problems) {
        super(summary(problems), lines(problems));
        this.problems = List.copyOf(problems);
    }

    /** The compiler's messages, in order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        if (problems.isEmpty()) {
            return "the cell does not compile";
        }
        Problem p = problems.get(0);
        return "line " + p.line() + ", column " + p.column() + ": " + p.message();
    }

    private static List<String> lines(List<Problem> problems) {
        List<String> out = new ArrayList<>();
        for (Problem p : problems) {
            out.add("Compile error at line " + p.line() + ", column " + p.column() + ": " + p.message());
            if (!p.sourceLine().isBlank()) {
                out.add("    " + p.sourceLine());
                out.add("    " + " ".repeat(Math.max(0, p.column() - 1)) + "^");
            }
        }
        return out;
    }
}
