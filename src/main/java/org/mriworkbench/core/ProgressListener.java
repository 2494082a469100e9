package org.mriworkbench.core;

/**
 * Receives progress of long work (scans, preprocessing, training) so that the same library call can drive a
 * command-line bar or a notebook cell without knowing which it is talking to. Implementations must be thread-safe:
 * parallel stages report from several threads.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * Called as work advances.
     *
     * @param stage short name of the work, e.g. "scan"
     * @param done  units finished so far
     * @param total units in all, or -1 when unknown
     */
    void onProgress(String stage, long done, long total);
}
