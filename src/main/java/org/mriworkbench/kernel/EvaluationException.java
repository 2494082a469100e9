package org.mriworkbench.kernel;

import java.util.List;

/**
 * A cell that threw. The message is the thrown exception's class and message, as Java prints them, because the
 * notebook shows this class's own name next to it and the student needs the real one.
 */
public final class EvaluationException extends CellException {

    private final String exceptionClass;

    EvaluationException(String exceptionClass, String message, List<String> traceback) {
        super(message == null ? exceptionClass : exceptionClass + ": " + message, traceback);
        this.exceptionClass = exceptionClass;
    }

    /** The fully qualified name of what the cell threw, e.g. {@code java.lang.NumberFormatException}. */
    public String exceptionClass() {
        return exceptionClass;
    }
}
