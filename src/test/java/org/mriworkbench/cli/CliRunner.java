package org.mriworkbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs the command line in-process for tests, checks its exit code and returns what it printed. */
final class CliRunner {

    private CliRunner() {
    }

    /** Runs {@code args}, asserts the exit code, and returns standard output. */
    static String run(int expectedExit, String... args) {
        return capture(false, expectedExit, args);
    }

    /** Like {@link #run}, but returns standard output and standard error together (error messages go there). */
    static String runCapturingErrors(int expectedExit, String... args) {
        return capture(true, expectedExit, args);
    }

    private static String capture(boolean withErr, int expectedExit, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(sink);
        if (withErr) {
            System.setErr(sink);
        }
        try {
            assertEquals(expectedExit, Main.run(args), () -> buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
