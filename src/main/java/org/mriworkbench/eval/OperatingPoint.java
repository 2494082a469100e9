package org.mriworkbench.eval;

/**
 * Confusion counts and the four clinical rates at one decision threshold, with the rule "positive iff
 * score &gt;= threshold". Rates with a zero denominator are NaN.
 *
 * @param threshold   the cut-off
 * @param sensitivity TP / (TP + FN)
 * @param specificity TN / (TN + FP)
 * @param ppv         TP / (TP + FP), positive predictive value (precision)
 * @param npv         TN / (TN + FN), negative predictive value
 * @param tp          true positives
 * @param fp          false positives
 * @param tn          true negatives
 * @param fn          false negatives
 */
public record OperatingPoint(double threshold, double sensitivity, double specificity, double ppv, double npv,
                             long tp, long fp, long tn, long fn) {

    static OperatingPoint of(double threshold, long tp, long fp, long tn, long fn) {
        return new OperatingPoint(threshold, ClassificationMetrics.ratio(tp, tp + fn),
                ClassificationMetrics.ratio(tn, tn + fp), ClassificationMetrics.ratio(tp, tp + fp),
                ClassificationMetrics.ratio(tn, tn + fn), tp, fp, tn, fn);
    }
}
