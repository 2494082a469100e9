package org.mriworkbench.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {

    private static final long MS = 1_000_000L;

    @Test
    void noRateWhenEverythingArrivesAtOnce() {
        // A cached scan reports all files 1.3 ms after the stage starts: it printed (5281553398/s).
        String line = ProgressBar.line("scan", 7019, 7019, 1_330_000L, 0L);
        assertTrue(line.contains("100% 7019/7019"), line);
        assertFalse(line.contains("/s"), line);
    }

    @Test
    void noRateOrEtaOnTheFirstTickOfAnEpoch() {
        String line = ProgressBar.line("epoch 1", 32, 4096, 3 * MS, 0L);
        assertFalse(line.contains("/s") || line.contains("eta"), line);
        String open = ProgressBar.line("train", 32, 0, 3 * MS, 0L);
        assertFalse(open.contains("/s"), open);
    }

    @Test
    void rateAndEtaOnceEnoughTimeHasPassed() {
        String line = ProgressBar.line("epoch 1", 640, 4096, 2000 * MS, 0L);
        assertTrue(line.contains("(320/s)") && line.contains("eta 11s"), line);
    }

    @Test
    void oneSlowFirstItemGivesNoRate() {
        String line = ProgressBar.line("scan", 1, 100, 5000 * MS, 0L);
        assertFalse(line.contains("/s"), line);
    }

    @Test
    void nonInteractiveBarPrintsNoNonsenseRate() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        bar.onProgress("scan", 500, 500);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("500/500"), out);
        assertFalse(out.contains("/s)"), out);
    }

    @Test
    void outOfOrderReportsFromWorkerThreadsNeverMoveTheBarBack() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        bar.onProgress("scan", 17, 24);
        bar.onProgress("scan", 16, 24);
        bar.onProgress("scan", 24, 24);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("17/24") && out.contains("24/24"), out);
        assertFalse(out.contains("16/24"), out);
    }
}
