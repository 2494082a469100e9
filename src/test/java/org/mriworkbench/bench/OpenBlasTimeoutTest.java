package org.mriworkbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code OPENBLAS_THREAD_TIMEOUT=4}, set by the launchers, surefire and the kernelspec, only makes OpenBLAS's idle
 * workers sleep sooner; it must not change what training computes. The variable is read when OpenBLAS loads, so each
 * setting gets its own JVM, and both must print the same {@link TrainDigest} (exact bits of the trained parameters,
 * Adam's state and the score).
 */
class OpenBlasTimeoutTest {

    @Test
    void threadTimeoutLeavesTrainingBitForBitUnchanged() throws Exception {
        String withDefault = digest(null);
        String withShort = digest("4");
        assertTrue(withDefault.matches("[0-9a-f]{64}"), withDefault);
        assertEquals(withDefault, withShort);
    }

    private static String digest(String timeout) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                TrainDigest.class.getName(), "64", "3")).redirectErrorStream(true);
        pb.environment().remove("OPENBLAS_THREAD_TIMEOUT");
        if (timeout != null) {
            pb.environment().put("OPENBLAS_THREAD_TIMEOUT", timeout);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "TrainDigest did not finish");
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> l.startsWith("digest ")).map(l -> l.substring(7)).findFirst()
                .orElseThrow(() -> new AssertionError("no digest in: " + out));
    }
}
