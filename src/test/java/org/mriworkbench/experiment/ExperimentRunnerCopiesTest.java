package org.mriworkbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A runner is immutable like every other builder-ish type in the project: each {@code with...} returns a changed copy
 * and leaves the runner it was called on as it was, so one runner can be shared by several runs (a notebook's loop, a
 * sweep) without one run's settings leaking into the next.
 */
class ExperimentRunnerCopiesTest {

    private static final PreparedData NO_DATA = new PreparedData(null, null, null, null, null);

    @Test
    void withMethodsReturnCopiesAndLeaveTheOriginalAlone() {
        ExperimentRunner base = ExperimentRunner.of(NO_DATA, Path.of("runs"));
        ExperimentRunner limited = base.withLimits(10, 6);
        ExperimentRunner reduced = limited.withTrainClassFraction(0, 0.1);
        ExperimentRunner valOnly = reduced.validationOnly();
        ExperimentRunner listened = valOnly.withListener(new org.mriworkbench.train.TrainingListener() { })
                .withStopSignal(() -> true);

        assertEquals(RunData.Limits.NONE, base.limits());
        assertEquals(new RunData.Limits(10, 6, -1, 1.0), limited.limits());
        assertEquals(new RunData.Limits(10, 6, 0, 0.1), reduced.limits());
        assertEquals(reduced.limits(), valOnly.limits());
        assertEquals(reduced.limits(), listened.limits());
        assertFalse(reduced.isValidationOnly());
        assertTrue(valOnly.isValidationOnly());
        assertTrue(listened.isValidationOnly());
        assertNotSame(base, limited);
        assertEquals(new RunData.Limits(4, 2, -1, 1.0),
                base.withLimits(new RunData.Limits(4, 2, -1, 1.0)).limits());
        assertEquals(RunData.Limits.NONE, base.limits());
    }
}
