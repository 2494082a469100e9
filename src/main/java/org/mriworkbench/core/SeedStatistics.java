package org.mriworkbench.core;

/**
 * Mean and sample standard deviation of a handful of per-seed figures. The reference results ({@code SeedSummary})
 * and a sweep's replicate seeds ({@code Configurations}) both report "mean ± sd over seeds"; one definition keeps the
 * two tables comparable (n − 1 denominator, NaN rather than 0 for a single seed, which has no spread to show).
 */
public final class SeedStatistics {

    private SeedStatistics() {
    }

    /** Arithmetic mean; NaN when empty. */
    public static double mean(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample standard deviation (n − 1 denominator); NaN with fewer than two values. */
    public static double sd(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
