package org.mriworkbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The training benchmark runs end to end on tiny settings: DL4J alone always, and against PyTorch where Debian's
 * python3-torch is installed (required under CI with {@code -Dmri.requireTorch=true}). It checks that both sides
 * report a throughput and that the PyTorch net has exactly the DL4J net's trainable parameters. Speed itself is never
 * asserted: that is what the benchmark's output in the README is for.
 */
class PyTorchComparisonTest {

    private static final String PYTHON = "/usr/bin/python3";

    @Test
    void dl4jAloneReportsThroughputAndRss() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        List<PyTorchComparison.SizeResult> r = PyTorchComparison.run(new PyTorchComparison.Settings("classic",
                List.of(32), 4, 1, 1, 2, 2, null, 1), new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals(1, r.size());
        assertTrue(r.get(0).dl4jMedian() > 0);
        assertTrue(Double.isNaN(r.get(0).ratio()));
        assertTrue(r.get(0).dl4jPeakRssMib() > 50, "VmHWM read from /proc");
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("median"));
    }

    @Test
    void pytorchRunsTheSameArchitectureAndGivesARatio() throws Exception {
        boolean torch = torchAvailable();
        if (!torch && Boolean.getBoolean("mri.requireTorch")) {
            fail("mri.requireTorch=true but " + PYTHON + " cannot import torch (environment/install-deps.sh --test)");
        }
        Assumptions.assumeTrue(torch, "python3-torch not installed");
        for (String preset : List.of("classic", "seed-baseline")) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            List<PyTorchComparison.SizeResult> r = PyTorchComparison.run(new PyTorchComparison.Settings(preset,
                    List.of(32), 4, 1, 1, 2, 1, PYTHON, 1), new PrintStream(buf, true, StandardCharsets.UTF_8));
            String out = buf.toString(StandardCharsets.UTF_8);
            assertNull(r.get(0).pytorchError(), out);
            assertTrue(r.get(0).pytorchMedian() > 0, out);
            assertTrue(r.get(0).ratio() > 0, out);
            assertTrue(r.get(0).pytorchPeakRssMib() > 10 && r.get(0).pytorchPeakRssMib() < 4096, out);
        }
    }

    @Test
    void inferenceAndPerBatchRssAreReportedForBothFrameworks() throws Exception {
        boolean torch = torchAvailable();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        List<PyTorchComparison.SizeResult> r = PyTorchComparison.run(new PyTorchComparison.Settings("classic",
                List.of(32), 4, 1, 1, 2, 2, torch ? PYTHON : null, 1, 8, 2, List.of(4, 16)),
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        PyTorchComparison.SizeResult res = r.get(0);
        assertEquals(2, res.dl4jPredict().length);
        assertTrue(PyTorchComparison.median(res.dl4jPredict()) > 0, out);
        assertEquals(List.of(4, 16), List.copyOf(new java.util.TreeSet<>(res.dl4jRssByBatch().keySet())), out);
        res.dl4jRssByBatch().values().forEach(v -> assertTrue(v > 50 && v < 8192, out));
        assertTrue(out.contains("peak RSS training at batch 16"), out);
        if (torch) {
            assertTrue(res.predictRatio() > 0, out);
            assertEquals(2, res.pytorchRssByBatch().size(), out);
            res.pytorchRssByBatch().values().forEach(v -> assertTrue(v > 10 && v < 4096, out));
        } else {
            assertTrue(Double.isNaN(res.predictRatio()));
        }
    }

    @Test
    void medianIgnoresMissingRounds() {
        assertEquals(2.0, PyTorchComparison.median(new double[] {3, Double.NaN, 1, 2}));
        assertEquals(2.5, PyTorchComparison.median(new double[] {1, 2, 3, 4}));
        assertTrue(Double.isNaN(PyTorchComparison.median(new double[] {Double.NaN})));
    }

    private static boolean torchAvailable() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
