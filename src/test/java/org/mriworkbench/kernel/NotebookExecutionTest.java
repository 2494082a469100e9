package org.mriworkbench.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Executes every notebook in {@code notebooks/}, in order, headless on the workbench kernel with the quick profile,
 * as a reader would run them top to bottom. A notebook that raises in any cell, or produces no rich output at all,
 * fails the build. Executed copies land in {@code target/notebooks/} for inspection; the committed notebooks stay
 * without outputs.
 */
class NotebookExecutionTest {

    @TempDir
    Path dir;

    @Test
    void everyNotebookRunsTopToBottom() throws Exception {
        JupyterHarness.require("nbconvert, nbclient");
        String name = "mri-workbench";
        // The notebooks name the kernel "mri-workbench"; this spec runs the test classpath, so no shaded jar is needed.
        KernelSpec.forClasspath(name, System.getProperty("java.class.path"), List.of("-Xmx6g"))
                .installInto(KernelSpec.prefixKernelsDir(dir));
        Path out = Path.of("target", "notebooks").toAbsolutePath();
        Files.createDirectories(out);
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(Path.of("notebooks"))) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks found");
        List<String> failures = new ArrayList<>();
        for (Path nb : notebooks) {
            long start = System.nanoTime();
            Path log = dir.resolve(nb.getFileName() + ".log");
            ProcessBuilder pb = new ProcessBuilder("/usr/bin/jupyter", "nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.timeout=1800", "--ExecutePreprocessor.kernel_name=" + name,
                    "--output-dir", out.toString(), nb.getFileName().toString())
                    .directory(nb.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("JUPYTER_PATH", dir.resolve("share/jupyter").toString());
            pb.environment().put("JUPYTER_RUNTIME_DIR", dir.resolve("runtime").toString());
            pb.environment().put("MRI_WORKBENCH_PROFILE", "quick");
            Process p = pb.start();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail(nb + " did not finish in 30 minutes:\n" + Files.readString(log));
            }
            System.out.printf("[notebooks] %s: exit %d in %.0f s%n", nb.getFileName(), p.exitValue(),
                    (System.nanoTime() - start) / 1e9);
            if (p.exitValue() != 0) {
                failures.add(nb.getFileName() + " failed:\n" + tail(Files.readString(log), 4000));
                continue;
            }
            JsonNode executed = new ObjectMapper().readTree(out.resolve(nb.getFileName()).toFile());
            int rich = 0;
            for (JsonNode cell : executed.get("cells")) {
                for (JsonNode o : cell.path("outputs")) {
                    assertTrue(!"error".equals(o.path("output_type").asText()), nb + ": " + o);
                    if (o.path("data").has("image/png") || o.path("data").has("text/html")) {
                        rich++;
                    }
                }
            }
            assertTrue(rich > 0, nb + " showed no chart, picture or table");
        }
        assertEquals(List.of(), failures);
    }

    private static String tail(String s, int n) {
        return s.length() <= n ? s : s.substring(s.length() - n);
    }
}
