package org.mriworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The determinism contract of {@code docs/determinism.md}, asserted where it holds: the same config, thread count,
 * oneDNN ISA and OpenBLAS kernels give bit-identical runs, in this JVM or another, whatever
 * {@code OMP_NUM_THREADS} said when the JVM started; another thread count or another instruction set gives runs
 * that agree within {@link #LOSS_TOLERANCE} and {@link #PARAM_TOLERANCE}, and nothing more is promised.
 */
class DeterminismContractTest {

    static final int EPOCHS = 2;
    /** Largest difference in any epoch's train or validation loss promised across threads or ISAs. */
    static final double LOSS_TOLERANCE = 1e-5;
    /** Largest difference in any final parameter promised across threads or ISAs. */
    static final double PARAM_TOLERANCE = 1e-4;

    @TempDir
    Path tmp;

    @Test
    void sameThreadsInAnotherJvmAreBitIdenticalWhateverOmpNumThreadsSays() throws Exception {
        Run here = inThisJvm(1, "here");
        // The child starts with OMP_NUM_THREADS=1 where this JVM's pools default to one per core. Before
        // NativeThreads also fixed OpenBLAS's pool, that changed the last bits (epoch 0 train loss
        // 0.5761403858661651 vs 0.5761403918266297 on a 2-core AMD EPYC; ResumeAfterKillTest failed the same way).
        Run child = inChildJvm(1, "child", Map.of("OMP_NUM_THREADS", "1"));
        assertIdentical(here, child);
    }

    @Test
    void otherThreadCountsAgreeWithinTolerance() throws Exception {
        Run one = inThisJvm(1, "one");
        Run two = inThisJvm(2, "two");
        assertWithinTolerance(one, two, "1 vs 2 threads");
    }

    @Test
    void anOlderInstructionSetAgreesWithinTolerance() throws Exception {
        Run here = inThisJvm(1, "here");
        // oneDNN and OpenBLAS as on a CPU without AVX: what a run on another CPU generation can differ by.
        Run sse = inChildJvm(1, "sse", Map.of("DNNL_MAX_CPU_ISA", "SSE41", "OPENBLAS_CORETYPE", "Nehalem"));
        assertWithinTolerance(here, sse, "this CPU vs oneDNN SSE41 + OpenBLAS Nehalem");
    }

    /**
     * On an AVX2 machine without AVX-512, pinning oneDNN to AVX2 and OpenBLAS to Haswell kernels changes nothing:
     * the pin that makes AVX-512 machines reproduce AVX2 ones costs an AVX2 machine no bits (and no speed).
     */
    @Test
    void theAvx2PinIsANoOpOnAnAvx2Machine() throws Exception {
        String flags = Files.readString(Path.of("/proc/cpuinfo"));
        assumeTrue(flags.contains(" avx2") && !flags.contains(" avx512f"), "needs an AVX2 CPU without AVX-512");
        assumeTrue(System.getenv("DNNL_MAX_CPU_ISA") == null && System.getenv("OPENBLAS_CORETYPE") == null,
                "this JVM is already pinned");
        Run here = inThisJvm(1, "here");
        Run pinned = inChildJvm(1, "pinned", Map.of("DNNL_MAX_CPU_ISA", "AVX2", "OPENBLAS_CORETYPE", "Haswell"));
        assertIdentical(here, pinned);
    }

    record Run(List<EpochStats> history, INDArray params) {
    }

    private Run inThisJvm(int threads, String name) throws Exception {
        DeterminismProbe.train(threads, EPOCHS, tmp.resolve(name));
        return read(tmp.resolve(name));
    }

    private Run inChildJvm(int threads, String name, Map<String, String> env) throws Exception {
        Path dir = tmp.resolve(name);
        Path log = tmp.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                DeterminismProbe.class.getName(), Integer.toString(threads), Integer.toString(EPOCHS), dir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), () -> name + " failed:\n" + logText(log));
        return read(dir);
    }

    private static String logText(Path log) {
        try {
            return Files.readString(log);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static Run read(Path dir) throws Exception {
        CheckpointState s = Checkpoints.readState(dir);
        return new Run(s.history(), Checkpoints.loadNetwork(dir.resolve(s.networkFile()), true).params());
    }

    private static void assertIdentical(Run a, Run b) {
        assertEquals(a.history().size(), b.history().size());
        for (int i = 0; i < a.history().size(); i++) {
            assertTrue(a.history().get(i).sameResultsAs(b.history().get(i)),
                    "epoch " + i + ": " + a.history().get(i) + " vs " + b.history().get(i));
        }
        assertEquals(a.params(), b.params());
    }

    private static void assertWithinTolerance(Run a, Run b, String what) {
        assertEquals(a.history().size(), b.history().size());
        double loss = 0;
        for (int i = 0; i < a.history().size(); i++) {
            EpochStats x = a.history().get(i);
            EpochStats y = b.history().get(i);
            loss = Math.max(loss, Math.max(Math.abs(x.trainLoss() - y.trainLoss()), Math.abs(x.valLoss() - y.valLoss())));
        }
        double param = a.params().sub(b.params()).amaxNumber().doubleValue();
        System.out.printf("[determinism] %s: largest loss difference %.3g, largest parameter difference %.3g%n",
                what, loss, param);
        assertTrue(loss <= LOSS_TOLERANCE, what + ": losses differ by " + loss);
        assertTrue(param <= PARAM_TOLERANCE, what + ": parameters differ by " + param);
    }
}
