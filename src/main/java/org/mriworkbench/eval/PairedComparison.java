package org.mriworkbench.eval;

import java.util.Locale;

/**
 * The outcome of comparing two models evaluated on the same images. Pairing matters: the same hard images
 * trouble both models, so a paired test is far more sensitive than comparing two separate confidence
 * intervals.
 *
 * @param method    which test produced this ("McNemar exact", "McNemar chi-square", "DeLong", "paired bootstrap")
 * @param estimateA the metric for model A
 * @param estimateB the metric for model B
 * @param difference {@code estimateA - estimateB}
 * @param lower     lower end of the confidence interval for the difference
 * @param upper     upper end of the confidence interval for the difference
 * @param pValue    two-sided p-value for "no difference"; NaN when undefined
 * @param n         number of paired samples
 * @param note      how the result was obtained (discordant counts, dropped resamples) or why it is undefined
 */
public record PairedComparison(String method, double estimateA, double estimateB, double difference,
                               double lower, double upper, double pValue, int n, String note) {

    /**
     * The comparison as a sentence a student can read aloud, e.g. "DeLong on 612 paired images: A 0.912, B 0.887,
     * difference +0.025 [-0.010, 0.060], p = 0.16: not distinguishable at the 5% level." Reading a p-value next to
     * an interval for the difference, in words, is the point of the lesson; a record's {@code toString} hides it.
     */
    public String sentence(String nameA, String nameB) {
        String verdict;
        if (Double.isNaN(pValue)) {
            verdict = "undefined (" + note + ")";
        } else if (pValue < 0.05) {
            verdict = "the difference is significant at the 5% level: " + (difference > 0 ? nameA : nameB)
                    + " is better on these images";
        } else {
            verdict = "not distinguishable at the 5% level: the images do not show either model is better";
        }
        String p = Double.isNaN(pValue) ? "n/a" : pValue < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", pValue);
        return String.format(Locale.ROOT, "%s on %d paired images: %s %.3f, %s %.3f, difference %+.3f [%.3f, %.3f], "
                + "p = %s; %s.", method, n, nameA, estimateA, nameB, estimateB, difference, lower, upper, p, verdict);
    }
}
