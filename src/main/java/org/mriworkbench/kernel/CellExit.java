package org.mriworkbench.kernel;

/**
 * What {@code System.exit(status)} in a notebook cell calls instead: it ends the cell with {@link Called}, and the
 * kernel, its variables and its trained models live on.
 *
 * <p>Why: the kernel runs cells in its own JVM, so a student's {@code System.exit(3)} (copied from a command-line
 * program) used to end the kernel and lose every variable of the session. The JDK offers two ways to intercept it: a
 * {@code SecurityManager}, deprecated for removal, that prints four warning lines at every start and changes how the
 * JDK creates pool threads; or rewriting the call in the cell's own bytecode, which JShell hands to the kernel's
 * execution control before loading it ({@link ExitCallRewriter}). The kernel does the latter. It catches
 * {@code System.exit} written in a cell, in a method or class a cell declares, and {@code System::exit} as a method
 * reference. It does not catch {@code Runtime.getRuntime().exit/halt} or an exit inside a library the cell calls
 * (for example a command-line {@code main}); those still end the kernel, and Jupyter then restarts it with a fresh
 * session, as it does after any kernel death.
 */
public final class CellExit {

    private CellExit() {
    }

    /** Ends the calling cell: the replacement for {@code System.exit(status)} in cell code. */
    public static void exit(int status) {
        throw new Called(status);
    }

    /**
     * Thrown by {@link #exit(int)}. An {@link Error}, like {@code ThreadDeath}, so that a cell's
     * {@code catch (Exception e)} does not swallow it: {@code System.exit} never returns to the code that called it.
     */
    public static final class Called extends Error {
        private static final long serialVersionUID = 1L;

        private final int status;

        Called(int status) {
            super("System.exit(" + status + ") ended this cell only; the kernel and its variables are kept. "
                    + "To start afresh, restart the kernel (Kernel > Restart).");
            this.status = status;
        }

        /** The status the cell passed to {@code System.exit}. */
        public int status() {
            return status;
        }
    }
}
