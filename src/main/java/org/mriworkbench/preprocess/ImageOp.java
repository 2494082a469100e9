package org.mriworkbench.preprocess;

import org.mriworkbench.core.FloatImage;

/**
 * One deterministic preprocessing step. Steps are small immutable records so that a pipeline can be shown step by
 * step, serialised into a run's config, and fingerprinted for the tensor cache: {@link #describe()} must change
 * whenever the step's output would.
 */
public interface ImageOp {

    /** Returns a new image; never writes into the input. */
    FloatImage apply(FloatImage img);

    /** A stable, human-readable description including every parameter, e.g. {@code resize-pad(128)}. */
    String describe();
}
