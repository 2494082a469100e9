package org.mriworkbench.runeval;

import org.mriworkbench.eval.Calibration;

import org.mriworkbench.eval.BootstrapInterval;

import java.util.List;
import java.util.Map;

/**
 * Everything {@code evaluate} says about one run on one test set, as written to {@code metrics.json}. Every headline
 * figure carries a bootstrap interval, because a point estimate on a thousand images cannot tell two models apart on
 * its own.
 *
 * @param testSet      "leakage-free" (the run's own test subset) or "official" (the official Testing folder, leaks
 *                     included)
 * @param headline     accuracy, balanced accuracy, macro F1, kappa, tumour AUC (and macro AUC for four classes), log
 *                     loss, Brier score and ECE, each with its interval
 * @param perClass     sensitivity and specificity of every class, with intervals
 * @param operatingPoint the tumour-detection threshold chosen on validation and what it gives on test
 * @param calibration  ECE before and after temperature scaling fitted on validation
 * @param confusion    confusion-matrix counts, rows = true class
 * @param resampling   what the bootstrap resampled: "images", or "clusters" (whole duplicate clusters, because near
 *                     copies inside a test set are not independent); null in files written before clusters existed
 * @param accuracyPerImage the accuracy interval of the per-image bootstrap beside a cluster one, to show how much
 *                     wider clustering makes it; null when the bootstrap resampled images
 */
public record RunEvaluation(String run, String task, String testSet, int n, List<String> classNames,
                            int bootstrapResamples, long bootstrapSeed, Map<String, BootstrapInterval> headline,
                            List<ClassFigures> perClass, OperatingPointFigures operatingPoint,
                            CalibrationFigures calibration, int[][] confusion, String resampling,
                            BootstrapInterval accuracyPerImage) {

    /** Resampling value of a per-image bootstrap. */
    public static final String IMAGES = "images";
    /** Resampling value of a cluster bootstrap. */
    public static final String CLUSTERS = "clusters";

    /** An evaluation whose bootstrap resampled images. */
    public RunEvaluation(String run, String task, String testSet, int n, List<String> classNames,
                         int bootstrapResamples, long bootstrapSeed, Map<String, BootstrapInterval> headline,
                         List<ClassFigures> perClass, OperatingPointFigures operatingPoint,
                         CalibrationFigures calibration, int[][] confusion) {
        this(run, task, testSet, n, classNames, bootstrapResamples, bootstrapSeed, headline, perClass, operatingPoint,
                calibration, confusion, IMAGES, null);
    }

    /** Reads a {@code metrics.json} written by {@code evaluate} ({@code report.EvaluationReport}); errors name the file. */
    public static RunEvaluation read(java.nio.file.Path file) throws java.io.IOException {
        return org.mriworkbench.train.Json.read(file, RunEvaluation.class);
    }

    /** The headline metrics and the per-class sensitivity and specificity as a table (metric, estimate, CI). */
    public tech.tablesaw.api.Table headlineTable() {
        var metric = tech.tablesaw.api.StringColumn.create("metric");
        var est = tech.tablesaw.api.DoubleColumn.create("estimate");
        var lo = tech.tablesaw.api.DoubleColumn.create("lower 95%");
        var hi = tech.tablesaw.api.DoubleColumn.create("upper 95%");
        java.util.function.BiConsumer<String, BootstrapInterval> add = (name, b) -> {
            metric.append(name);
            est.append(b.estimate());
            lo.append(b.lower());
            hi.append(b.upper());
        };
        headline.forEach(add);
        for (ClassFigures c : perClass) {
            add.accept(c.className() + " sensitivity", c.sensitivity());
            add.accept(c.className() + " specificity", c.specificity());
        }
        if (operatingPoint != null) {
            add.accept(String.format("sensitivity at threshold %.3f", operatingPoint.threshold()),
                    operatingPoint.testSensitivity());
            add.accept(String.format("specificity at threshold %.3f", operatingPoint.threshold()),
                    operatingPoint.testSpecificity());
        }
        return tech.tablesaw.api.Table.create(run + " on the " + testSet + " test set (n=" + n + ")", metric, est, lo,
                hi);
    }

    /** Per-class figures. */
    public record ClassFigures(String className, long support, BootstrapInterval sensitivity,
                               BootstrapInterval specificity, double precision, double f1, double npv) {
    }

    /**
     * The decision threshold on P(tumour) that reaches {@code targetSensitivity} on validation, and test sensitivity
     * and specificity at it. In screening a missed tumour costs more than a false alarm, so the threshold is set for
     * sensitivity first and specificity is what it costs.
     */
    public record OperatingPointFigures(double targetSensitivity, double threshold, double validationSensitivity,
                                        double validationSpecificity, BootstrapInterval testSensitivity,
                                        BootstrapInterval testSpecificity, String note) {
    }

    /** Calibration before and after temperature scaling (Guo et al., 2017) fitted on validation. */
    public record CalibrationFigures(double temperature, double eceBefore, double eceAfter, double nllBefore,
                                     double nllAfter) {
    }
}
