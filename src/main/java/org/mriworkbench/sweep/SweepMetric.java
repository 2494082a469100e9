package org.mriworkbench.sweep;

import org.mriworkbench.eval.Metric;
import org.mriworkbench.eval.Metrics;
import org.mriworkbench.eval.Ranking;
import org.mriworkbench.runeval.RunEvaluator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The validation metrics a sweep can rank by, under the names {@code metrics.json} uses, each with its direction:
 * a sweep that ranked log loss like accuracy would pick the worst trial.
 */
public enum SweepMetric {
    ACCURACY("accuracy", Metrics.ACCURACY, true),
    BALANCED_ACCURACY("balancedAccuracy", Metrics.BALANCED_ACCURACY, true),
    MACRO_F1("macroF1", Metrics.MACRO_F1, true),
    COHEN_KAPPA("cohenKappa", Metrics.COHEN_KAPPA, true),
    TUMOUR_AUC("tumourAuc", (l, p) -> Ranking.rocAuc(RunEvaluator.detectionLabels(l, p[0].length),
            RunEvaluator.detectionScores(p, p[0].length)).value(), true),
    LOG_LOSS("logLoss", Metrics.LOG_LOSS, false),
    BRIER("brier", Metrics.MULTICLASS_BRIER, false),
    ECE("ece", Metrics.ECE, false);

    private final String id;
    private final Metric metric;
    private final boolean higherIsBetter;

    SweepMetric(String id, Metric metric, boolean higherIsBetter) {
        this.id = id;
        this.metric = metric;
        this.higherIsBetter = higherIsBetter;
    }

    /** The name in specs, tables and {@code metrics.json}. */
    public String id() {
        return id;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The metric on (labels, probabilities). */
    public double compute(int[] labels, double[][] probs) {
        return metric.compute(labels, probs);
    }

    /** Whether {@code a} ranks before {@code b}; NaN ranks last. */
    public boolean better(double a, double b) {
        if (Double.isNaN(b)) {
            return !Double.isNaN(a);
        }
        return higherIsBetter ? a > b : a < b;
    }

    /** Parses a name ({@code balancedAccuracy}, also {@code balanced-accuracy}); errors list the valid names. */
    public static SweepMetric parse(String name) {
        String key = name.trim().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        for (SweepMetric m : values()) {
            if (m.id.toLowerCase(Locale.ROOT).equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "'; valid: " + names());
    }

    /** The valid names, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(SweepMetric::id).collect(Collectors.joining(", "));
    }
}
