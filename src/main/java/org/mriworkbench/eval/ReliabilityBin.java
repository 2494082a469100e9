package org.mriworkbench.eval;

/**
 * One bar of a reliability diagram (DeGroot &amp; Fienberg 1983; Guo et al. 2017): samples whose top-label
 * confidence falls in {@code (lower, upper]} (the first bin also takes a confidence of exactly 0).
 *
 * @param lower          lower bin edge, exclusive
 * @param upper          upper bin edge, inclusive
 * @param meanConfidence mean top-label probability in the bin; NaN when empty
 * @param accuracy       fraction of the bin whose arg-max class is correct; NaN when empty
 * @param count          samples in the bin
 */
public record ReliabilityBin(double lower, double upper, double meanConfidence, double accuracy, int count) {
}
