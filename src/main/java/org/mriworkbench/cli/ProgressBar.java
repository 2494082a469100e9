package org.mriworkbench.cli;

import org.mriworkbench.core.ProgressListener;

import java.io.PrintStream;

/**
 * A text progress bar for the command line. It redraws in place on a terminal and prints a line every tenth
 * otherwise (CI logs, pipes), so long scans show life either way without flooding a log. Rates and ETAs appear only
 * once a stage has run long enough for them to mean something ({@link #MIN_RATE_SECONDS}).
 */
public final class ProgressBar implements ProgressListener {

    private final PrintStream out;
    private final boolean interactive;
    private long startNanos = System.nanoTime();
    private String stage = "";
    private long lastDraw;
    private int lastDecile = -1;
    private long lastDone = -1;

    public ProgressBar(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** A bar on standard error, redrawing in place when a console is attached. */
    public static ProgressBar onStderr() {
        return new ProgressBar(System.err, System.console() != null);
    }

    @Override
    public synchronized void onProgress(String stage, long done, long total) {
        if (!stage.equals(this.stage)) {
            this.stage = stage;
            lastDecile = -1;
            lastDone = -1;
            startNanos = now(); // rates and ETAs are per stage
        }
        if (done < lastDone) {
            return; // worker threads report out of order; never draw the bar going backwards
        }
        lastDone = done;
        long now = System.nanoTime();
        boolean finished = total > 0 && done >= total;
        if (interactive) {
            if (!finished && now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            out.print("\r" + line(stage, done, total, now) + (finished ? "\n" : ""));
        } else {
            int decile = total > 0 ? (int) (10 * done / total) : -1;
            if (decile == lastDecile && !finished) {
                return;
            }
            lastDecile = decile;
            out.println(line(stage, done, total, now));
        }
        out.flush();
    }

    private static long now() {
        return System.nanoTime();
    }

    /**
     * Least time a stage must have run before a rate is shown. A rate over the first few milliseconds is noise: a
     * cached scan that reports all 7,019 files at once printed {@code (5281553398/s)}, and the first batch of an
     * epoch {@code (11494253/s)}.
     */
    static final double MIN_RATE_SECONDS = 1.0;

    /** Least items done before a rate is shown, so that one slow first item does not set the ETA alone. */
    static final long MIN_RATE_ITEMS = 2;

    static String line(String stage, long done, long total, long now, long startNanos) {
        double secs = (now - startNanos) / 1e9;
        boolean meaningful = secs >= MIN_RATE_SECONDS && done >= MIN_RATE_ITEMS;
        double rate = meaningful ? done / secs : 0;
        String rateText = meaningful ? String.format(" (%.0f/s)", rate) : "";
        if (total <= 0) {
            return String.format("%-10s %d done%s", stage, done, rateText);
        }
        int width = 30;
        int filled = (int) (width * Math.min(1.0, done / (double) total));
        String eta = meaningful && done < total ? String.format(" eta %.0fs", (total - done) / rate) : "";
        return String.format("%-10s [%s%s] %3d%% %d/%d%s%s", stage, "#".repeat(filled),
                " ".repeat(width - filled), 100 * done / total, done, total, rateText, eta);
    }

    private String line(String stage, long done, long total, long now) {
        return line(stage, done, total, now, startNanos);
    }
}
