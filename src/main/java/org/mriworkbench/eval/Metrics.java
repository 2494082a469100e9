package org.mriworkbench.eval;

/**
 * Ready-made {@link Metric}s for the {@link Bootstrap}, so that "accuracy with a 95% CI" is one line. Each one
 * delegates to the pure function named in its Javadoc and returns NaN where that function's result is undefined.
 */
public final class Metrics {

    /** {@link ClassificationMetrics#accuracy(int[], double[][])}. */
    public static final Metric ACCURACY = ClassificationMetrics::accuracy;
    /** {@link ClassificationMetrics#balancedAccuracy(int[], double[][])}. */
    public static final Metric BALANCED_ACCURACY = ClassificationMetrics::balancedAccuracy;
    /** {@link ClassificationMetrics#macroF1(int[], double[][])}. */
    public static final Metric MACRO_F1 = ClassificationMetrics::macroF1;
    /** {@link ClassificationMetrics#weightedF1(int[], double[][])}. */
    public static final Metric WEIGHTED_F1 = ClassificationMetrics::weightedF1;
    /** {@link ClassificationMetrics#cohenKappa(int[], double[][])}. */
    public static final Metric COHEN_KAPPA = (l, p) -> ClassificationMetrics.cohenKappa(l, p).value();
    /** {@link Ranking#macroAuc(int[], double[][])}. */
    public static final Metric MACRO_AUC = (l, p) -> Ranking.macroAuc(l, p).value();
    /** {@link ScoringRules#logLoss(int[], double[][])}. */
    public static final Metric LOG_LOSS = ScoringRules::logLoss;
    /** {@link ScoringRules#multiclassBrier(int[], double[][])}. */
    public static final Metric MULTICLASS_BRIER = ScoringRules::multiclassBrier;
    /** {@link Calibration#expectedCalibrationError(int[], double[][])} with the default 15 bins. */
    public static final Metric ECE = Calibration::expectedCalibrationError;
    /** {@link TumourDetection#auc(int[], double[][])}; four-class input only. */
    public static final Metric TUMOUR_AUC = (l, p) -> TumourDetection.auc(l, p).value();

    private Metrics() {
    }

    /** One-vs-rest AUC of one class. */
    public static Metric auc(int positiveClass) {
        return (l, p) -> Ranking.rocAuc(l, p, positiveClass).value();
    }

    /** Recall (sensitivity) of one class under arg-max prediction. */
    public static Metric recall(int classIndex) {
        return (l, p) -> ClassificationMetrics.perClass(l, p).get(classIndex).recall();
    }
}
