package org.mriworkbench.train;

import java.io.IOException;
import java.nio.file.Path;

/** A checkpoint or model file that is missing or cannot be read; the message always names the file. */
public final class CheckpointException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;

    public CheckpointException(Path path, String problem, Throwable cause) {
        super(problem + ": " + path + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"),
                cause);
        this.path = path;
    }

    /** The file (or run folder) that could not be used. */
    public Path path() {
        return path;
    }
}
