package org.mriworkbench.kernel;

import java.util.List;

/** A cell ended by the notebook's stop button (an interrupt request); later snippets of the cell did not run. */
public final class CellInterruptedException extends CellException {

    CellInterruptedException() {
        super("the cell was interrupted", List.of("Interrupted: the cell was stopped before it finished."));
    }
}
