package org.mriworkbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mriworkbench.train.PhysicalMemoryProbe;

/**
 * The speed settings the launchers, surefire and the kernel apply outside Java's own arithmetic must not change what
 * training computes: {@code OPENBLAS_THREAD_TIMEOUT=4} (OpenBLAS's idle workers sleep sooner) and JavaCPP's
 * physical-memory probe switched off ({@link PhysicalMemoryProbe}). Both are read when the native libraries load, so
 * each setting gets its own JVM, and both JVMs must print the same {@link TrainDigest} (exact bits of the trained
 * parameters, Adam's state and the score). The digests are only compared if each JVM reports the probe setting it
 * was meant to run with.
 */
class NativeSettingsTest {

    /** JavaCPP's own default for a 2 GiB heap without maxBytes: maxBytes (the heap) + 3 x the heap. */
    private static final long JAVACPP_DEFAULT = 8L << 30;

    @Test
    void launcherSettingsLeaveTrainingBitForBitUnchanged() throws Exception {
        List<String> withDefaults = digest(null, "-D" + PhysicalMemoryProbe.PROPERTY + "=8G");
        List<String> withLauncherSettings = digest("4", null);
        assertEquals(String.valueOf(JAVACPP_DEFAULT), withDefaults.get(1));
        assertEquals("0", withLauncherSettings.get(1), "TrainDigest should switch the probe off");
        assertTrue(withDefaults.get(0).matches("[0-9a-f]{64}"), withDefaults.get(0));
        assertEquals(withDefaults.get(0), withLauncherSettings.get(0));
    }

    /** The digest and the maxPhysicalBytes TrainDigest printed. */
    private static List<String> digest(String timeout, String jvmOption) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx2g"));
        if (jvmOption != null) {
            cmd.add(jvmOption);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), TrainDigest.class.getName(), "64", "3"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("OPENBLAS_THREAD_TIMEOUT");
        if (timeout != null) {
            pb.environment().put("OPENBLAS_THREAD_TIMEOUT", timeout);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "TrainDigest did not finish");
        assertEquals(0, p.exitValue(), out);
        return List.of(line(out, "digest "), line(out, "maxPhysicalBytes "));
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + prefix + "' in: " + out));
    }
}
