package org.mriworkbench.kernelspec;

import org.mriworkbench.kernel.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelSpecTest {

    @TempDir
    Path dir;

    @Test
    void jarSpecRunsTheKernelSubcommandWithThisJvm() throws Exception {
        KernelSpec spec = KernelSpec.forJar("mri-workbench", Path.of("target/mri-workbench.jar"), List.of("-Xmx8g"));
        Path installed = spec.installInto(KernelSpec.prefixKernelsDir(dir));
        assertEquals(dir.resolve("share/jupyter/kernels/mri-workbench"), installed);
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(installed.resolve("kernel.json")));
        List<String> argv = new java.util.ArrayList<>();
        json.get("argv").forEach(a -> argv.add(a.asText()));
        assertTrue(Path.of(argv.get(0)).isAbsolute(), "the JVM that installed it, not whatever java is on PATH");
        assertEquals(List.of("-Xmx8g", "-cp", Path.of("target/mri-workbench.jar").toAbsolutePath().toString(),
                KernelMain.class.getName(), "{connection_file}"), argv.subList(1, argv.size()));
        assertEquals("Java (MRI Workbench)", json.get("display_name").asText());
        assertEquals("java", json.get("language").asText());
        assertEquals("message", json.get("interrupt_mode").asText());
    }

    @Test
    void reinstallingReplacesTheSpec() throws Exception {
        Path kernels = dir.resolve("k");
        KernelSpec.forClasspath("x", "a.jar", List.of()).installInto(kernels);
        KernelSpec.forClasspath("x", "b.jar", List.of()).installInto(kernels);
        String json = Files.readString(kernels.resolve("x/kernel.json"));
        assertTrue(json.contains("b.jar") && !json.contains("a.jar"), json);
        try (var files = Files.list(kernels.resolve("x"))) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void badNamesAndMissingConnectionFileAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> KernelSpec.forClasspath("a b", "x", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new KernelSpec("ok", "Ok", List.of("java", "-jar", "x.jar")));
    }

    @Test
    void userDataDirFollowsJupytersRulesFromTheEnvironmentNotJavasUserHome() {
        Path home = dir.resolve("home");
        String javaHome = dir.resolve("from-passwd").toString();
        assertEquals(home.resolve(".local/share/jupyter"),
                KernelSpec.userDataDir(Map.of("HOME", home.toString()), "Linux", javaHome), "HOME wins over user.home");
        assertEquals(dir.resolve("jd"), KernelSpec.userDataDir(
                Map.of("HOME", home.toString(), "JUPYTER_DATA_DIR", dir.resolve("jd").toString()), "Linux", javaHome));
        assertEquals(dir.resolve("xdg/jupyter"), KernelSpec.userDataDir(
                Map.of("HOME", home.toString(), "XDG_DATA_HOME", dir.resolve("xdg").toString()), "Linux", javaHome));
        assertEquals(home.resolve("Library/Jupyter"),
                KernelSpec.userDataDir(Map.of("HOME", home.toString()), "Mac OS X", javaHome));
        assertEquals(Path.of(javaHome, ".local/share/jupyter"), KernelSpec.userDataDir(Map.of(), "Linux", javaHome),
                "user.home only when HOME is unset");
    }

    @Test
    void jupyterListsAKernelInstalledUnderTheHomeItIsGiven() throws Exception {
        JupyterHarness.require("jupyter_client");
        Path home = dir.resolve("home");
        Map<String, String> env = Map.of("HOME", home.toString());
        Path installed = KernelSpec.forClasspath("mri-home-test", "x.jar", List.of())
                .installInto(KernelSpec.userDataDir(env, System.getProperty("os.name"), "/nonexistent").resolve("kernels"));
        ProcessBuilder pb = new ProcessBuilder(JupyterHarness.PYTHON, "-c",
                "import jupyter_client.kernelspec as k; print(k.KernelSpecManager().find_kernel_specs()['mri-home-test'])")
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("JUPYTER") || k.startsWith("XDG_"));
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor(), out);
        assertEquals(installed.toRealPath(), Path.of(out).toRealPath(), "Jupyter finds the kernel where it was written");
    }
}
