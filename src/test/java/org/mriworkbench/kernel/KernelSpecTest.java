package org.mriworkbench.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        assertEquals(List.of("-Xmx8g", "-jar", Path.of("target/mri-workbench.jar").toAbsolutePath().toString(),
                "kernel", "{connection_file}"), argv.subList(1, argv.size()));
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
}
