package org.mriworkbench.eval;

/**
 * One-vs-rest rates for one class. Each is NaN when its denominator is zero (for example precision of a class
 * that is never predicted); scikit-learn reports 0 there with a warning, which silently drags macro averages
 * down, so this workbench keeps the gap visible instead.
 *
 * @param classIndex  column of the class in the probability matrix
 * @param support     number of samples whose true class this is
 * @param precision   TP / (TP + FP), also called PPV
 * @param recall      TP / (TP + FN), also called sensitivity
 * @param specificity TN / (TN + FP)
 * @param f1          2TP / (2TP + FP + FN), the harmonic mean of precision and recall
 * @param npv         TN / (TN + FN), negative predictive value
 */
public record ClassMetrics(int classIndex, long support, double precision, double recall, double specificity,
                           double f1, double npv) {
}
