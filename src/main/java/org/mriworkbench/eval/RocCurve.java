package org.mriworkbench.eval;

/**
 * Receiver operating characteristic: one point per distinct score, in decreasing threshold order, preceded by
 * the point (0, 0) at threshold +infinity (scikit-learn 1.3+ does the same; 1.2 used max + 1). Nothing is
 * dropped, so the curve can be used to read off operating points as well as to plot. When a class is missing
 * the corresponding rate is NaN.
 *
 * @param fpr        false-positive rate (1 - specificity) at each threshold
 * @param tpr        true-positive rate (sensitivity) at each threshold
 * @param thresholds score cut-off; a sample is positive iff its score is at least this
 */
public record RocCurve(double[] fpr, double[] tpr, double[] thresholds) {

    public RocCurve {
        fpr = fpr.clone();
        tpr = tpr.clone();
        thresholds = thresholds.clone();
    }

    @Override
    public double[] fpr() {
        return fpr.clone();
    }

    @Override
    public double[] tpr() {
        return tpr.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }
}
