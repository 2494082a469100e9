package org.mriworkbench.kernel;

import org.mriworkbench.kernelspec.KernelSpec;
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
 * as a reader would run them top to bottom: once on generated phantoms and once on the real data (required in CI).
 * A notebook that raises in any cell, or shows no image, fails the build; so does any display without
 * {@code image/png} or {@code text/html}, and any output text with an object identity such as {@code Foo@6c38ed83}. Executed copies, as notebooks and as
 * HTML, land in {@code target/notebooks/phantoms|real/}; the committed notebooks stay without outputs.
 */
class NotebookExecutionTest {

    @TempDir
    Path dir;

    @Test
    void everyNotebookRunsTopToBottomOnPhantoms() throws Exception {
        JupyterHarness.require("nbconvert, nbclient");
        Path phantoms = dir.resolve("phantoms");
        new org.mriworkbench.phantom.PhantomGenerator(org.mriworkbench.phantom.PhantomConfig.builder().optSeed(11)
                .optTrainingPerClass(60).optTestingPerClass(15).build()).writeDataset(phantoms);
        runAll("phantoms", phantoms);
    }

    @Test
    void everyNotebookRunsTopToBottomOnTheRealData() throws Exception {
        JupyterHarness.require("nbconvert, nbclient");
        runAll("real", org.mriworkbench.data.RealData.rootOrSkip().toAbsolutePath());
    }

    private void runAll(String label, Path data) throws Exception {
        String name = "mri-workbench";
        // The notebooks name the kernel "mri-workbench"; this spec runs the test classpath, so no shaded jar is needed.
        Path jupyter = dir.resolve("jupyter-" + label);
        KernelSpec.forClasspath(name, System.getProperty("java.class.path"), List.of("-Xmx6g"))
                .installInto(KernelSpec.prefixKernelsDir(jupyter));
        Path out = Path.of("target", "notebooks", label).toAbsolutePath();
        Files.createDirectories(out);
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(Path.of("notebooks"))) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks found");
        List<String> failures = new ArrayList<>();
        for (Path nb : notebooks) {
            long start = System.nanoTime();
            Path log = dir.resolve(label + "-" + nb.getFileName() + ".log");
            int exit = nbconvert(jupyter, data, nb, out, log, "notebook", "--execute",
                    "--ExecutePreprocessor.timeout=1800", "--ExecutePreprocessor.kernel_name=" + name);
            System.out.printf("[notebooks, %s] %s: exit %d in %.0f s%n", label, nb.getFileName(), exit,
                    (System.nanoTime() - start) / 1e9);
            if (exit != 0) {
                failures.add(nb.getFileName() + " failed:\n" + tail(Files.readString(log), 4000));
                continue;
            }
            Path executed = out.resolve(nb.getFileName());
            JsonNode doc = new ObjectMapper().readTree(executed.toFile());
            int images = 0;
            int cellNo = 0;
            for (JsonNode cell : doc.get("cells")) {
                cellNo++;
                for (JsonNode o : cell.path("outputs")) {
                    assertTrue(!"error".equals(o.path("output_type").asText()), nb + ": " + o);
                    if (o.path("data").has("image/png")) {
                        images++;
                    }
                    String where = nb.getFileName() + " cell " + cellNo + ": ";
                    if ("display_data".equals(o.path("output_type").asText())
                            && !o.path("data").has("image/png") && !o.path("data").has("text/html")) {
                        failures.add(where + "a display with neither image/png nor text/html: " + o.path("data"));
                    }
                    String text = o.has("text") ? joined(o.get("text")) : joined(o.path("data").path("text/plain"));
                    java.util.regex.Matcher identity = DisplayRenderersTest.IDENTITY.matcher(text);
                    if (identity.find()) {
                        failures.add(where + "an object identity in the output: " + identity.group());
                    }
                }
            }
            assertTrue(images > 0, nb + " produced no image/png output");
            // An HTML copy for reading in a browser; the executed .ipynb stays beside it.
            assertEquals(0, nbconvert(jupyter, data, executed, out, dir.resolve("html.log"), "html"),
                    () -> "HTML export of " + executed);
        }
        assertEquals(List.of(), failures);
    }

    private int nbconvert(Path jupyter, Path data, Path nb, Path out, Path log, String to, String... extra)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/jupyter", "nbconvert", "--to", to));
        cmd.addAll(List.of(extra));
        cmd.addAll(List.of("--output-dir", out.toString(), nb.getFileName().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(nb.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JUPYTER_PATH", jupyter.resolve("share/jupyter").toString());
        pb.environment().put("JUPYTER_RUNTIME_DIR", dir.resolve("runtime").toString());
        pb.environment().put("MRI_WORKBENCH_PROFILE", "quick");
        pb.environment().put("MRI_WORKBENCH_DATA", data.toString());
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(nb + " did not finish in 30 minutes:\n" + Files.readString(log));
        }
        return p.exitValue();
    }

    /** Notebook text fields are a string or a list of lines. */
    private static String joined(JsonNode text) {
        if (text.isArray()) {
            StringBuilder b = new StringBuilder();
            text.forEach(t -> b.append(t.asText()));
            return b.toString();
        }
        return text.asText("");
    }

    private static String tail(String s, int n) {
        return s.length() <= n ? s : s.substring(s.length() - n);
    }
}
