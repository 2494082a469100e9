package org.mriworkbench.eval;

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
}
