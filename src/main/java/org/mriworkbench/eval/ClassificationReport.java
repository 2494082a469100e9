package org.mriworkbench.eval;

import java.util.List;
import org.mriworkbench.core.Label;

/**
 * Every headline number for one model on one evaluation set, computed in one call and serialisable with
 * Jackson, so that a run's results are a single immutable value that can be stored, diffed and reloaded.
 * Point estimates only: wrap the matching {@link Metrics} entry in a {@link Bootstrap} for intervals.
 *
 * <p>Undefined values are NaN ({@code "NaN"} strings in Jackson's default JSON) and the {@link MetricValue}
 * fields carry the reason. The tumour-detection fields apply to four-class models only.
 *
 * @param n                        number of samples
 * @param k                        number of classes
 * @param accuracy                 arg-max accuracy
 * @param balancedAccuracy         mean recall over classes present
 * @param macroF1                  unweighted mean F1
 * @param weightedF1               support-weighted mean F1
 * @param cohenKappa               Cohen's kappa
 * @param macroAuc                 binary AUC (k = 2) or one-vs-rest macro AUC (k &gt; 2)
 * @param oneVsRestAuc             AUC of each class against the rest
 * @param logLoss                  clipped mean negative log-likelihood, see {@link ScoringRules}
 * @param multiclassBrier          Brier's multiclass score (sum over classes), see {@link ScoringRules}
 * @param expectedCalibrationError top-label ECE with {@code calibrationBins} equal-width bins
 * @param calibrationBins          bins used for the ECE
 * @param perClass                 per-class precision, recall, specificity, F1, NPV, support
 * @param confusion                confusion matrix of arg-max predictions
 * @param tumourAuc                AUC of P(tumour) = 1 - P(no tumour); undefined unless k = 4
 * @param tumourAveragePrecision   average precision of P(tumour); undefined unless k = 4
 */
public record ClassificationReport(int n, int k, double accuracy, double balancedAccuracy, double macroF1,
                                   double weightedF1, MetricValue cohenKappa, MetricValue macroAuc,
                                   List<MetricValue> oneVsRestAuc, double logLoss, double multiclassBrier,
                                   double expectedCalibrationError, int calibrationBins, List<ClassMetrics> perClass,
                                   ConfusionMatrix confusion, MetricValue tumourAuc,
                                   MetricValue tumourAveragePrecision) {

    public ClassificationReport {
        oneVsRestAuc = List.copyOf(oneVsRestAuc);
        perClass = List.copyOf(perClass);
    }

    /** Computes the report for labels and n-by-k probabilities. */
    public static ClassificationReport of(int[] labels, double[][] probs) {
        int k = Checks.classification(labels, probs);
        ConfusionMatrix cm = ConfusionMatrix.fromProbabilities(labels, probs);
        boolean fourClass = k == Label.FOUR_CLASS.size();
        MetricValue notFour = MetricValue.undefined("tumour detection needs a four-class model, got k=" + k);
        return new ClassificationReport(labels.length, k, ClassificationMetrics.accuracy(cm),
                ClassificationMetrics.balancedAccuracy(cm), ClassificationMetrics.macroF1(cm),
                ClassificationMetrics.weightedF1(cm), ClassificationMetrics.cohenKappa(cm),
                Ranking.macroAuc(labels, probs), Ranking.oneVsRestAuc(labels, probs),
                ScoringRules.logLoss(labels, probs), ScoringRules.multiclassBrier(labels, probs),
                Calibration.expectedCalibrationError(labels, probs), Calibration.DEFAULT_BINS,
                ClassificationMetrics.perClass(cm), cm,
                fourClass ? TumourDetection.auc(labels, probs) : notFour,
                fourClass ? TumourDetection.averagePrecision(labels, probs) : notFour);
    }

    /**
     * Precision, recall (sensitivity), specificity, F1 and support per class, one row each, named: the figures a
     * single accuracy hides, such as a class that is rarely predicted (high precision, low recall).
     */
    public tech.tablesaw.api.Table perClassTable(List<String> classNames) {
        if (classNames.size() != k) {
            throw new IllegalArgumentException("need " + k + " class names, got " + classNames);
        }
        var name = tech.tablesaw.api.StringColumn.create("class");
        var precision = tech.tablesaw.api.DoubleColumn.create("precision");
        var recall = tech.tablesaw.api.DoubleColumn.create("recall (sensitivity)");
        var specificity = tech.tablesaw.api.DoubleColumn.create("specificity");
        var f1 = tech.tablesaw.api.DoubleColumn.create("F1");
        var support = tech.tablesaw.api.LongColumn.create("support");
        for (ClassMetrics c : perClass) {
            name.append(classNames.get(c.classIndex()));
            precision.append(c.precision());
            recall.append(c.recall());
            specificity.append(c.specificity());
            f1.append(c.f1());
            support.append(c.support());
        }
        return tech.tablesaw.api.Table.create(String.format(java.util.Locale.ROOT,
                "Per class (n=%d, accuracy %.3f, macro F1 %.3f)", n, accuracy, macroF1), name, precision, recall,
                specificity, f1, support);
    }
}
