package org.mriworkbench.eval;

/**
 * Precision and recall at every distinct score, in decreasing threshold order. Unlike scikit-learn's
 * {@code precision_recall_curve} there is no synthetic (recall 0, precision 1) end point and the order is not
 * reversed: entry i belongs to {@code thresholds[i]}. Recall is NaN when there are no positives.
 *
 * @param precision  TP / (TP + FP) at each threshold
 * @param recall     TP / P at each threshold
 * @param thresholds score cut-off; a sample is positive iff its score is at least this
 */
public record PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds) {

    public PrecisionRecallCurve {
        precision = precision.clone();
        recall = recall.clone();
        thresholds = thresholds.clone();
    }

    @Override
    public double[] precision() {
        return precision.clone();
    }

    @Override
    public double[] recall() {
        return recall.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }
}
