package org.mriworkbench.kernel;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks that Debian's Jupyter is there for tests that drive the kernel through it. Absent, such tests are skipped,
 * unless {@code mri.requireJupyter=true} (CI), where a missing install step must fail the build.
 */
public final class JupyterHarness {

    public static final String PYTHON = "/usr/bin/python3";

    private JupyterHarness() {
    }

    /** Skips (or fails, when required) unless {@code /usr/bin/python3} can import jupyter_client and {@code module}. */
    public static void require(String module) throws Exception {
        String why = null;
        if (!Files.isExecutable(Path.of(PYTHON))) {
            why = PYTHON + " not found";
        } else {
            Process p = new ProcessBuilder(PYTHON, "-c", "import jupyter_client, " + module)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                why = "jupyter_client / " + module + " not importable: " + out.strip();
            }
        }
        if (why == null) {
            return;
        }
        if (Boolean.getBoolean("mri.requireJupyter")) {
            fail("mri.requireJupyter=true but the Jupyter harness is unavailable: " + why);
        }
        Assumptions.abort("Jupyter harness unavailable (environment/install-deps.sh --jupyter): " + why);
    }
}
