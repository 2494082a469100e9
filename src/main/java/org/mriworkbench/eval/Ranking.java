package org.mriworkbench.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Threshold-free ranking metrics: ROC curve and AUC, precision-recall curve and average precision, and their
 * one-vs-rest extension to k classes.
 *
 * <p>AUC is the trapezoidal area under the tie-aware ROC curve, which equals the Mann-Whitney U statistic
 * divided by P*N with tied positive/negative pairs counted 1/2 (Hanley &amp; McNeil 1982). It is computed from
 * integer counts, so it is exact up to one final division. Average precision follows scikit-learn:
 * {@code AP = sum_n (R_n - R_(n-1)) P_n} over decreasing thresholds, with no interpolation (the interpolated
 * PASCAL VOC variant is optimistic). Both are undefined (NaN with a reason) when the sample lacks a class.
 */
public final class Ranking {

    private Ranking() {
    }

    /** ROC curve of binary labels (1 = positive) against scores, higher meaning more positive. */
    public static RocCurve rocCurve(int[] y, double[] scores) {
        BinaryCounts bc = BinaryCounts.of(y, scores);
        int m = bc.size();
        double[] fpr = new double[m + 1];
        double[] tpr = new double[m + 1];
        double[] thr = new double[m + 1];
        thr[0] = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            fpr[i + 1] = ClassificationMetrics.ratio(bc.fps()[i], bc.negatives());
            tpr[i + 1] = ClassificationMetrics.ratio(bc.tps()[i], bc.positives());
            thr[i + 1] = bc.thresholds()[i];
        }
        if (bc.negatives() == 0) {
            fpr[0] = Double.NaN;
        }
        if (bc.positives() == 0) {
            tpr[0] = Double.NaN;
        }
        return new RocCurve(fpr, tpr, thr);
    }

    /** Area under the ROC curve; NaN with a reason when only one class is present. */
    public static MetricValue rocAuc(int[] y, double[] scores) {
        return rocAuc(BinaryCounts.of(y, scores));
    }

    static MetricValue rocAuc(BinaryCounts bc) {
        MetricValue missing = missingClass(bc);
        if (missing != null) {
            return missing;
        }
        // Twice the trapezoid area in units of one negative by one positive: sum dFP * (TP_i + TP_(i-1)).
        long twiceArea = 0;
        long prevTp = 0;
        long prevFp = 0;
        for (int i = 0; i < bc.size(); i++) {
            twiceArea += (bc.fps()[i] - prevFp) * (bc.tps()[i] + prevTp);
            prevTp = bc.tps()[i];
            prevFp = bc.fps()[i];
        }
        return MetricValue.of(twiceArea / (2.0 * bc.positives() * bc.negatives()));
    }

    /** AUC of class {@code positiveClass} against the rest, scored by its probability column. */
    public static MetricValue rocAuc(int[] labels, double[][] probs, int positiveClass) {
        int k = Checks.classification(labels, probs);
        Checks.positiveClass(positiveClass, k);
        return rocAuc(oneVsRestLabels(labels, positiveClass), column(probs, positiveClass));
    }

    /** One-vs-rest AUC for every class, in class-index order. */
    public static List<MetricValue> oneVsRestAuc(int[] labels, double[][] probs) {
        int k = Checks.classification(labels, probs);
        List<MetricValue> out = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            out.add(rocAuc(oneVsRestLabels(labels, c), column(probs, c)));
        }
        return List.copyOf(out);
    }

    /**
     * Headline AUC of a k-class model. For k = 2 it is the binary AUC of column 1 (as scikit-learn's
     * {@code roc_auc_score}); for k &gt; 2 it is the unweighted mean of the one-vs-rest AUCs (scikit-learn's
     * {@code multi_class="ovr", average="macro"}). If any class is absent the macro AUC is undefined rather
     * than an average over fewer classes, because such a number is not comparable with the full one.
     */
    public static MetricValue macroAuc(int[] labels, double[][] probs) {
        int k = Checks.classification(labels, probs);
        if (k == 2) {
            return rocAuc(labels, probs, 1);
        }
        double sum = 0;
        List<MetricValue> perClass = oneVsRestAuc(labels, probs);
        for (int c = 0; c < k; c++) {
            MetricValue v = perClass.get(c);
            if (!v.isDefined()) {
                return MetricValue.undefined("class " + c + ": " + v.reason());
            }
            sum += v.value();
        }
        return MetricValue.of(sum / k);
    }

    /** Precision-recall curve of binary labels against scores. */
    public static PrecisionRecallCurve precisionRecallCurve(int[] y, double[] scores) {
        BinaryCounts bc = BinaryCounts.of(y, scores);
        int m = bc.size();
        double[] precision = new double[m];
        double[] recall = new double[m];
        for (int i = 0; i < m; i++) {
            precision[i] = ClassificationMetrics.ratio(bc.tps()[i], bc.tps()[i] + bc.fps()[i]);
            recall[i] = ClassificationMetrics.ratio(bc.tps()[i], bc.positives());
        }
        return new PrecisionRecallCurve(precision, recall, bc.thresholds());
    }

    /** Average precision (area under the step PR curve); NaN with a reason when there are no positives. */
    public static MetricValue averagePrecision(int[] y, double[] scores) {
        BinaryCounts bc = BinaryCounts.of(y, scores);
        if (bc.positives() == 0) {
            return MetricValue.undefined("no positive samples: recall is undefined");
        }
        double ap = 0;
        long prevTp = 0;
        for (int i = 0; i < bc.size(); i++) {
            long tp = bc.tps()[i];
            if (tp != prevTp) {
                double precision = tp / (double) (tp + bc.fps()[i]);
                ap += (tp - prevTp) / (double) bc.positives() * precision;
                prevTp = tp;
            }
        }
        return MetricValue.of(ap);
    }

    /** Average precision of class {@code positiveClass} against the rest. */
    public static MetricValue averagePrecision(int[] labels, double[][] probs, int positiveClass) {
        int k = Checks.classification(labels, probs);
        Checks.positiveClass(positiveClass, k);
        return averagePrecision(oneVsRestLabels(labels, positiveClass), column(probs, positiveClass));
    }

    /** 1 where the label equals {@code positiveClass}, else 0. */
    public static int[] oneVsRestLabels(int[] labels, int positiveClass) {
        int[] y = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            y[i] = labels[i] == positiveClass ? 1 : 0;
        }
        return y;
    }

    /** Column {@code c} of a probability matrix. */
    public static double[] column(double[][] probs, int c) {
        double[] out = new double[probs.length];
        for (int i = 0; i < probs.length; i++) {
            out[i] = probs[i][c];
        }
        return out;
    }

    private static MetricValue missingClass(BinaryCounts bc) {
        if (bc.positives() == 0) {
            return MetricValue.undefined("only negative samples: AUC needs both classes");
        }
        if (bc.negatives() == 0) {
            return MetricValue.undefined("only positive samples: AUC needs both classes");
        }
        return null;
    }
}
