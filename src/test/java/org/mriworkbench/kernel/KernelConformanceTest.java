package org.mriworkbench.kernel;

import org.mriworkbench.kernelspec.KernelSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs Jupyter's own kernel conformance suite ({@code jupyter_kernel_test}, Debian's
 * {@code python3-jupyter-kernel-test}) plus the notebook checks in {@code src/test/python/test_kernel.py} against
 * the kernel started as Jupyter starts it: a kernelspec in a temporary {@code JUPYTER_PATH} entry, launched by
 * {@code jupyter_client}. The spec runs {@link KernelMain} from the test classpath, so no shaded jar is needed.
 *
 * <p>Skipped when Debian's {@code /usr/bin/python3} lacks the packages ({@code environment/install-deps.sh --jupyter}
 * installs them), unless {@code mri.requireJupyter=true} (set in CI), which turns a missing harness into a failure.
 */
class KernelConformanceTest {

    @TempDir
    Path dir;

    @Test
    void jupyterKernelTestSuitePasses() throws Exception {
        JupyterHarness.require("jupyter_kernel_test");
        String name = "mri-workbench-test";
        KernelSpec.forClasspath(name, System.getProperty("java.class.path"), List.of("-Xmx1g"))
                .installInto(KernelSpec.prefixKernelsDir(dir));
        Path log = dir.resolve("unittest.log");
        // -B: no __pycache__ left in src/test/python
        ProcessBuilder pb = new ProcessBuilder(JupyterHarness.PYTHON, "-B", "-m", "unittest", "-v", "test_kernel")
                .directory(Path.of("src/test/python").toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JUPYTER_PATH", dir.resolve("share/jupyter").toString());
        pb.environment().put("JUPYTER_RUNTIME_DIR", dir.resolve("runtime").toString());
        pb.environment().put("MRI_KERNEL_NAME", name);
        Process p = pb.start();
        if (!p.waitFor(8, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("the conformance suite did not finish in 8 minutes:\n" + Files.readString(log));
        }
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("OK"), out);
        System.out.println("[kernel conformance] " + out.lines().filter(l -> l.startsWith("Ran ") || l.startsWith("OK")
                        || l.startsWith("[measured]"))
                .reduce((a, b) -> a + "; " + b).orElse(""));
    }
}
