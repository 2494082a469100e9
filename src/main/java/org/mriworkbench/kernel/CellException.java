package org.mriworkbench.kernel;

import java.util.List;

/**
 * A cell that did not run to its end. The notebook shows {@link #getMessage()} as the error's value and
 * {@link #traceback()} as its body, so both are written for a student reading the notebook, not for the kernel's
 * developers: positions are cell lines, and JShell's and the kernel's own frames are left out.
 */
public abstract sealed class CellException extends RuntimeException
        permits CompilationException, EvaluationException, CellInterruptedException {

    private final List<String> traceback;

    CellException(String message, List<String> traceback) {
        super(message, null, false, false); // the kernel's own stack says nothing about the cell
        this.traceback = List.copyOf(traceback);
    }

    /** The lines the notebook shows under the error. */
    public List<String> traceback() {
        return traceback;
    }
}
