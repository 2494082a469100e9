package org.mriworkbench.kernel;

import jdk.jshell.EvalException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns an exception thrown by a cell into the lines a student reads: the exception and its message, the library
 * frames that lead to the cell, and the cell's own frames as "In [n], line L" instead of JShell's {@code #12:3}.
 *
 * <p>JShell already cuts the trace at the snippet's entry point; what remains to drop are frames of JShell and of this
 * kernel (they appear when a cell's {@code display(...)} fails inside the kernel), which tell the student nothing
 * about their code.
 */
final class Tracebacks {

    /** Beyond this many frames a trace is noise in a notebook; the rest is counted, as Java does. */
    static final int MAX_FRAMES = 30;

    private static final List<String> HIDDEN_PREFIXES = List.of(
            "org.mriworkbench.kernel.", "jdk.jshell.", "jdk.internal.reflect.", "java.lang.reflect.Method");

    /** Where a snippet came from: its cell's execution count and the cell line it starts on. */
    record Origin(int cell, int firstLine) {
    }

    private final Map<String, Origin> origins = new ConcurrentHashMap<>();

    /** Records that snippet {@code id} starts on line {@code firstLine} of cell {@code cell}. */
    void remember(String snippetId, int cell, int firstLine) {
        origins.put(snippetId, new Origin(cell, firstLine));
    }

    /** The traceback lines for {@code e}, its causes included. */
    List<String> format(EvalException e) {
        List<String> out = new ArrayList<>();
        Throwable t = e;
        boolean first = true;
        while (t != null) {
            String cls = t instanceof EvalException ? ((EvalException) t).getExceptionClassName() : t.getClass().getName();
            String head = t.getMessage() == null ? cls : cls + ": " + t.getMessage();
            out.add(first ? head : "Caused by: " + head);
            int shown = 0;
            StackTraceElement[] frames = t.getStackTrace();
            for (StackTraceElement f : frames) {
                if (hidden(f)) {
                    continue;
                }
                if (shown == MAX_FRAMES) {
                    out.add("    ... " + (frames.length - shown) + " more");
                    break;
                }
                out.add("    at " + describe(f));
                shown++;
            }
            first = false;
            t = t.getCause() == t ? null : t.getCause();
        }
        return out;
    }

    private static boolean hidden(StackTraceElement f) {
        String c = f.getClassName();
        return HIDDEN_PREFIXES.stream().anyMatch(c::startsWith)
                || (c.equals("java.lang.Thread") && f.getMethodName().equals("run")); // the cell thread's own start
    }

    private String describe(StackTraceElement f) {
        String file = f.getFileName();
        if (file == null || !file.startsWith("#")) {
            return f.toString();
        }
        Origin o = origins.get(file.substring(1));
        String where = o == null ? "snippet " + file + ", line " + f.getLineNumber()
                : "In [" + o.cell() + "], line " + (o.firstLine() + f.getLineNumber() - 1);
        String cls = f.getClassName();
        String method = f.getMethodName();
        if (method.isEmpty()) {
            return where;
        }
        return (cls.isEmpty() ? "" : cls + ".") + method + " (" + where + ")";
    }
}
