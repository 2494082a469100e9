package org.mriworkbench.eval;

/**
 * A scalar metric over class-index labels and an n-by-k probability matrix. This is the shape the
 * {@link Bootstrap} resamples, so any headline number (accuracy, macro AUC, tumour-detection AUC, ...) can get a
 * confidence interval without the bootstrap knowing what it computes. Implementations must be pure and must
 * return NaN, not throw, when the metric is undefined on a sample; see {@link Metrics} for ready-made ones.
 */
@FunctionalInterface
public interface Metric {

    /**
     * @param labels class index of each sample, in {@code [0, k)}
     * @param probs  n-by-k class probabilities (rows need not be validated again by implementations)
     * @return the metric, or NaN when it is undefined on this sample
     */
    double compute(int[] labels, double[][] probs);
}
