package org.mriworkbench.cli;

import org.mriworkbench.experiment.ProgressListener;

import java.io.PrintStream;

/**
 * A text progress bar for the command line. It redraws in place on a terminal and prints a line every tenth
 * otherwise (CI logs, pipes), so long scans show life either way without flooding a log.
 */
public final class ProgressBar implements ProgressListener {

    private final PrintStream out;
    private final boolean interactive;
    private long startNanos = System.nanoTime();
    private String stage = "";
    private long lastDraw;
    private int lastDecile = -1;

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
            startNanos = now(); // rates and ETAs are per stage
        }
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

    static String line(String stage, long done, long total, long now, long startNanos) {
        double secs = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = done / secs;
        if (total <= 0) {
            return String.format("%-10s %d done (%.0f/s)", stage, done, rate);
        }
        int width = 30;
        int filled = (int) (width * Math.min(1.0, done / (double) total));
        String eta = rate > 0 && done < total ? String.format(" eta %.0fs", (total - done) / rate) : "";
        return String.format("%-10s [%s%s] %3d%% %d/%d (%.0f/s)%s", stage, "#".repeat(filled),
                " ".repeat(width - filled), 100 * done / total, done, total, rate, eta);
    }

    private String line(String stage, long done, long total, long now) {
        return line(stage, done, total, now, startNanos);
    }
}
