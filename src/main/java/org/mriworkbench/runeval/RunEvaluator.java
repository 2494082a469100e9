package org.mriworkbench.runeval;

import org.mriworkbench.eval.Bootstrap;
import org.mriworkbench.eval.BootstrapInterval;
import org.mriworkbench.eval.Calibration;
import org.mriworkbench.eval.ClassMetrics;
import org.mriworkbench.eval.ClassificationMetrics;
import org.mriworkbench.eval.ConfusionMatrix;
import org.mriworkbench.eval.Metric;
import org.mriworkbench.eval.Metrics;
import org.mriworkbench.eval.OperatingPoints;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.eval.Ranking;
import org.mriworkbench.eval.TemperatureScaling;
import org.mriworkbench.eval.ThresholdChoice;
import org.mriworkbench.eval.TumourDetection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a run's predictions into defensible numbers: every headline metric with a bootstrap interval, a
 * tumour-detection operating point chosen on validation (never on test), and calibration before and after temperature
 * scaling. Pure computation on {@link Predictions}: reading a run folder and drawing the charts is
 * {@code report.EvaluationReport}'s job, so a notebook or a shift check can evaluate predictions it holds in memory. Works for binary and four-class runs; a four-class run is also
 * scored as a tumour detector with P(tumour) = 1 − P(no tumour), so the two kinds of run can be compared.
 */
public final class RunEvaluator {

    /** Sensitivity the default operating point must reach on validation. */
    public static final double DEFAULT_TARGET_SENSITIVITY = 0.98;

    /** Headline key of the test ECE after temperature scaling (present when validation predictions exist). */
    public static final String ECE_TEMPERATURE_SCALED = "eceTemperatureScaled";

    private final Bootstrap bootstrap;
    private final double targetSensitivity;
    private final Map<String, Integer> clusterOf;
    private final boolean perImage;

    private RunEvaluator(Bootstrap bootstrap, double targetSensitivity, Map<String, Integer> clusterOf,
                         boolean perImage) {
        this.bootstrap = bootstrap;
        this.targetSensitivity = targetSensitivity;
        this.clusterOf = clusterOf;
        this.perImage = perImage;
    }

    /**
     * An evaluator with {@code resamples} seeded bootstrap resamples and a 0.98 sensitivity target. Intervals resample
     * duplicate clusters when they are known (a run's {@code test-clusters.csv}, or {@link #withClusters}), else
     * images.
     */
    public static RunEvaluator create(int resamples, long seed) {
        return new RunEvaluator(Bootstrap.withSeed(seed).withResamples(resamples), DEFAULT_TARGET_SENSITIVITY, null,
                false);
    }

    /**
     * Resamples whole duplicate clusters ({@code clusterOf}: image id to cluster id, e.g.
     * {@code PreparedData.clusterIds()}) in every interval, for runs that did not keep their test clusters. An image
     * missing from the map is a cluster of its own.
     */
    public RunEvaluator withClusters(Map<String, Integer> clusterOf) {
        return new RunEvaluator(bootstrap, targetSensitivity, Map.copyOf(clusterOf), perImage);
    }

    /**
     * This evaluator, or one resampling {@code clusterOf} when it has no clusters yet and was not asked for
     * {@link #perImage()}: how a run's own {@code test-clusters.csv} is used unless the caller chose otherwise.
     */
    public RunEvaluator withClustersUnlessSet(Map<String, Integer> clusterOf) {
        return perImage || clusterOf == null || this.clusterOf != null ? this : withClusters(clusterOf);
    }

    /** Resamples single images even when clusters are known: the classic bootstrap, for comparison. */
    public RunEvaluator perImage() {
        return new RunEvaluator(bootstrap, targetSensitivity, clusterOf, true);
    }

    /** The bootstrap behind every interval, for figures a caller computes beside {@link #evaluate}. */
    public Bootstrap bootstrap() {
        return bootstrap;
    }

    public RunEvaluator withTargetSensitivity(double target) {
        return new RunEvaluator(bootstrap, target, clusterOf, perImage);
    }

    /** Binary labels (1 = tumour) of a task's labels. */
    public static int[] detectionLabels(int[] labels, int k) {
        return TumourDetection.labels(labels, k);
    }

    /** P(tumour) of a task's probabilities. */
    public static double[] detectionScores(double[][] probs, int k) {
        return TumourDetection.scores(probs, k);
    }

    /** Evaluates test predictions, using validation predictions for the threshold and the calibration fit. */
    public RunEvaluation evaluate(String run, String task, String testSet, Predictions test, Predictions validation) {
        return evaluate(run, task, testSet, test, validation, perImage ? null : clusterOf);
    }

    /** Resampling the clusters of {@code clusters} (image id to cluster id; null resamples images). */
    private RunEvaluation evaluate(String run, String task, String testSet, Predictions test, Predictions validation,
                                   Map<String, Integer> clusters) {
        int[] cl = clusterArray(test.ids(), clusters);
        java.util.function.BiFunction<Metric, double[][], BootstrapInterval> ci =
                (m, q) -> bootstrap.interval(m, test.labels(), q, cl);
        int[] y = test.labels();
        double[][] p = test.probabilities();
        int k = test.classNames().size();
        Map<String, BootstrapInterval> headline = new LinkedHashMap<>();
        headline.put("accuracy", ci.apply(Metrics.ACCURACY, p));
        headline.put("balancedAccuracy", ci.apply(Metrics.BALANCED_ACCURACY, p));
        headline.put("macroF1", ci.apply(Metrics.MACRO_F1, p));
        headline.put("cohenKappa", ci.apply(Metrics.COHEN_KAPPA, p));
        headline.put("tumourAuc", ci.apply(detection((yy, ss) -> Ranking.rocAuc(yy, ss).value(), k), p));
        if (k > 2) {
            headline.put("macroAuc", ci.apply(Metrics.MACRO_AUC, p));
        }
        headline.put("logLoss", ci.apply(Metrics.LOG_LOSS, p));
        headline.put("brier", ci.apply(Metrics.MULTICLASS_BRIER, p));
        headline.put("ece", ci.apply(Metrics.ECE, p));

        List<RunEvaluation.ClassFigures> perClass = new ArrayList<>();
        List<ClassMetrics> pc = ClassificationMetrics.perClass(y, p);
        for (int c = 0; c < k; c++) {
            final int cls = c;
            ClassMetrics m = pc.get(c);
            perClass.add(new RunEvaluation.ClassFigures(test.classNames().get(c), m.support(),
                    ci.apply(Metrics.recall(c), p),
                    ci.apply((l, q) -> ClassificationMetrics.perClass(l, q).get(cls).specificity(), p),
                    m.precision(), m.f1(), m.npv()));
        }

        RunEvaluation.OperatingPointFigures op = null;
        RunEvaluation.CalibrationFigures cal = null;
        if (validation != null) {
            int[] vy = detectionLabels(validation.labels(), k);
            double[] vs = detectionScores(validation.probabilities(), k);
            ThresholdChoice choice = OperatingPoints.thresholdForSensitivity(vy, vs, targetSensitivity);
            double thr = choice.threshold();
            op = new RunEvaluation.OperatingPointFigures(targetSensitivity, thr, choice.validation().sensitivity(),
                    choice.validation().specificity(),
                    ci.apply(detection((yy, ss) -> OperatingPoints.at(yy, ss, thr).sensitivity(), k), p),
                    ci.apply(detection((yy, ss) -> OperatingPoints.at(yy, ss, thr).specificity(), k), p),
                    choice.reason());
            TemperatureScaling ts = TemperatureScaling.fitOnProbabilities(validation.labels(),
                    validation.probabilities());
            double[][] scaled = ts.applyToProbabilities(p);
            cal = new RunEvaluation.CalibrationFigures(ts.temperature(), Calibration.expectedCalibrationError(y, p),
                    Calibration.expectedCalibrationError(y, scaled), ts.nllBefore(), ts.nllAfter());
            // The temperature is fitted on validation and held fixed while the test images are resampled.
            headline.put(ECE_TEMPERATURE_SCALED, ci.apply(Metrics.ECE, scaled));
        }
        return new RunEvaluation(run, task, testSet, y.length, test.classNames(), bootstrap.resamples(),
                bootstrap.seed(), headline, perClass, op, cal, ConfusionMatrix.fromProbabilities(y, p).counts(),
                cl == null ? RunEvaluation.IMAGES : RunEvaluation.CLUSTERS,
                cl == null ? null : bootstrap.interval(Metrics.ACCURACY, y, p));
    }

    /** Cluster id per sample (clusters numbered densely; unknown images get their own), or null for none. */
    private static int[] clusterArray(List<String> ids, Map<String, Integer> clusters) {
        if (clusters == null || clusters.isEmpty()) {
            return null;
        }
        int[] out = new int[ids.size()];
        int fresh = Integer.MIN_VALUE;
        for (int i = 0; i < out.length; i++) {
            Integer c = clusters.get(ids.get(i));
            out[i] = c != null ? c : fresh++;
        }
        return out;
    }

    /** A metric on (labels, probabilities) that scores the detection view. */
    private static Metric detection(java.util.function.ToDoubleBiFunction<int[], double[]> f, int k) {
        return (labels, probs) -> f.applyAsDouble(detectionLabels(labels, k), detectionScores(probs, k));
    }
}
