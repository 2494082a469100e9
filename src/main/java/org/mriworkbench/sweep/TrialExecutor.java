package org.mriworkbench.sweep;

import java.io.IOException;

/**
 * Runs one trial to a finished, recorded run and scores it on validation. The sweep hands trials over one at a time
 * and decides budgets and order itself, so an executor only has to know how to train: {@link InProcessExecutor} in
 * this JVM, a later one on a distributed engine.
 *
 * <p>Contract: a trial whose finished run already exists is reused, an interrupted one is resumed, the test subset is
 * never read, and a stopped trial throws {@link org.mriworkbench.experiment.ExperimentRunner.RunStoppedException}.
 */
public interface TrialExecutor {

    /** Trains (or reuses, or resumes) {@code trial} and returns its validation figures. */
    TrialOutcome run(Trial trial) throws IOException;
}
