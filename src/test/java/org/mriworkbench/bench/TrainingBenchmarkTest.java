package org.mriworkbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training benchmark runs a tiny grid and reports one line per setting; speed is never asserted. */
class TrainingBenchmarkTest {

    @Test
    void reportsEverySettingOfTheGrid() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        List<TrainingBenchmark.Result> r = TrainingBenchmark.run("classic", 32, new int[] {2, 3}, new int[] {1}, 1, 2,
                1, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals(2, r.size());
        assertEquals(List.of(2, 3), r.stream().map(TrainingBenchmark.Result::batchSize).toList());
        for (TrainingBenchmark.Result x : r) {
            assertEquals(1, x.threads());
            assertTrue(x.fitImagesPerSecond() > 0 && x.predictImagesPerSecond() > 0, x.toString());
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("classic 32x32:"), out);
        assertEquals(2, out.lines().filter(l -> l.startsWith("  threads=1 batch=")).count(), out);
    }
}
