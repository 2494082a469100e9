package org.mriworkbench.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.data.TestImages;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the benchmark on a tiny generated set: checks that it works and reports, not how fast it is. */
class PipelineBenchmarkTest {

    @Test
    void reportsThreePhases(@TempDir Path dir) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PipelineBenchmark.Result r = PipelineBenchmark.run(TestImages.kaggleTree(dir, 2, 24, 24), 16,
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals(List.of("scan (cold)", "preprocess (cold)", "load (cached)"),
                r.phases().stream().map(PipelineBenchmark.Phase::name).toList());
        for (PipelineBenchmark.Phase p : r.phases()) {
            assertEquals(16, p.images());
            assertTrue(p.seconds() > 0);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("load (cached)") && out.contains("peak RSS"), out);
        if (PipelineBenchmark.procStatusBytes("VmHWM:") > 0) {
            long prev = 0;
            for (PipelineBenchmark.Phase p : r.phases()) {
                assertTrue(p.peakRssBytes() >= prev, "peak RSS never decreases");
                prev = p.peakRssBytes();
            }
        }
    }
}
