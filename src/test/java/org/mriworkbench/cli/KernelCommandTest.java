package org.mriworkbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelCommandTest {

    @TempDir
    Path dir;

    private static int quietly(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void installWritesAKernelspecUnderThePrefix() throws Exception {
        assertEquals(0, quietly("kernel", "install", "--prefix", dir.toString(), "--name", "wb-test"));
        String json = Files.readString(dir.resolve("share/jupyter/kernels/wb-test/kernel.json"));
        // Run from target/classes (not the shaded jar), the spec starts KernelMain from this classpath.
        assertTrue(json.contains("org.mriworkbench.kernel.KernelMain") && json.contains("{connection_file}"), json);
        assertTrue(json.contains("\"interrupt_mode\" : \"message\""), json);
    }

    @Test
    void kernelWithoutAConnectionFileOrWithAMissingOneIsAnError() {
        assertEquals(2, quietly("kernel"));
        assertEquals(2, quietly("kernel", dir.resolve("nope.json").toString()));
        assertNotEquals(0, quietly("kernel", "install", "--user", "--prefix", dir.toString()));
    }
}
