package org.mriworkbench.decode;

import java.nio.file.Path;

/**
 * A file that could not be turned into an image. It carries the path and a plain reason so that a scan over
 * thousands of files can report it and move on, instead of ending on the first bad file.
 */
public class ImageDecodeException extends Exception {

    private final transient Path path;
    private final String reason;
    private final boolean truncated;

    public ImageDecodeException(Path path, String reason) {
        this(path, reason, null, false);
    }

    public ImageDecodeException(Path path, String reason, Throwable cause) {
        this(path, reason, cause, false);
    }

    public ImageDecodeException(Path path, String reason, Throwable cause, boolean truncated) {
        super((path == null ? "" : path + ": ") + reason, cause);
        this.path = path;
        this.reason = reason;
        this.truncated = truncated;
    }

    /** The file, or null when decoding bytes of unknown origin. */
    public Path path() {
        return path;
    }

    /** Why the file was rejected, without the path. */
    public String reason() {
        return reason;
    }

    /** True when the file ends early; other readers would fail the same way. */
    public boolean truncated() {
        return truncated;
    }
}
