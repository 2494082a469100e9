package org.mriworkbench.eval;

/**
 * A point estimate with its bootstrap percentile interval, plus what is needed to judge and reproduce it.
 *
 * @param estimate   the metric on the full sample (may itself be NaN)
 * @param lower      lower percentile of the valid resample values; NaN when none was valid
 * @param upper      upper percentile of the valid resample values; NaN when none was valid
 * @param confidence nominal coverage, e.g. 0.95
 * @param resamples  resamples drawn, including dropped ones
 * @param nanCount   resamples on which the metric was undefined (NaN) and which were dropped
 * @param seed       seed of the resampling generator
 */
public record BootstrapInterval(double estimate, double lower, double upper, double confidence, int resamples,
                                int nanCount, long seed) {

    /** Resamples that entered the percentiles. */
    public int validResamples() {
        return resamples - nanCount;
    }

    /** "estimate [lower, upper]" with three decimals, as tables show it. */
    public String format() {
        return String.format(java.util.Locale.ROOT, "%.3f [%.3f, %.3f]", estimate, lower, upper);
    }
}
