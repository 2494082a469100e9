package org.mriworkbench.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Threshold-free summaries of hard (arg-max) predictions: accuracy, balanced accuracy, F1 averages, Cohen's
 * kappa and per-class rates. All are pure functions of a {@link ConfusionMatrix}, with convenience overloads over
 * labels and probabilities.
 *
 * <p>Averaging follows scikit-learn so numbers are comparable with published work: macro averages run over the
 * classes that occur in the truth or in the predictions (a class absent from both has no defined F1 and is
 * skipped), and balanced accuracy averages recall over classes present in the truth.
 */
public final class ClassificationMetrics {

    private ClassificationMetrics() {
    }

    /** Fraction of samples whose arg-max class is the true class. */
    public static double accuracy(ConfusionMatrix cm) {
        long correct = 0;
        for (int c = 0; c < cm.k(); c++) {
            correct += cm.count(c, c);
        }
        return correct / (double) cm.total();
    }

    /** Accuracy of arg-max predictions. */
    public static double accuracy(int[] labels, double[][] probs) {
        return accuracy(ConfusionMatrix.fromProbabilities(labels, probs));
    }

    /**
     * Mean recall over classes present in the truth (Brodersen et al. 2010), i.e. accuracy as if classes were
     * balanced; it exposes a model that ignores a rare class.
     */
    public static double balancedAccuracy(ConfusionMatrix cm) {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < cm.k(); c++) {
            long support = cm.support(c);
            if (support > 0) {
                sum += cm.count(c, c) / (double) support;
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    /** Balanced accuracy of arg-max predictions. */
    public static double balancedAccuracy(int[] labels, double[][] probs) {
        return balancedAccuracy(ConfusionMatrix.fromProbabilities(labels, probs));
    }

    /** Unweighted mean of per-class F1 over classes with a defined F1. */
    public static double macroF1(ConfusionMatrix cm) {
        double sum = 0;
        int defined = 0;
        for (ClassMetrics m : perClass(cm)) {
            if (!Double.isNaN(m.f1())) {
                sum += m.f1();
                defined++;
            }
        }
        return defined == 0 ? Double.NaN : sum / defined;
    }

    /** Macro F1 of arg-max predictions. */
    public static double macroF1(int[] labels, double[][] probs) {
        return macroF1(ConfusionMatrix.fromProbabilities(labels, probs));
    }

    /** Mean of per-class F1 weighted by support; classes without true samples get weight zero. */
    public static double weightedF1(ConfusionMatrix cm) {
        double sum = 0;
        long total = 0;
        for (ClassMetrics m : perClass(cm)) {
            if (m.support() > 0) {
                sum += m.support() * m.f1();
                total += m.support();
            }
        }
        return total == 0 ? Double.NaN : sum / total;
    }

    /** Support-weighted F1 of arg-max predictions. */
    public static double weightedF1(int[] labels, double[][] probs) {
        return weightedF1(ConfusionMatrix.fromProbabilities(labels, probs));
    }

    /**
     * Cohen's kappa (Cohen 1960): agreement between truth and prediction beyond what the marginals give by
     * chance, {@code (p_o - p_e) / (1 - p_e)}. Undefined when chance agreement is already 1 (truth and
     * predictions are the same single class).
     */
    public static MetricValue cohenKappa(ConfusionMatrix cm) {
        double n = cm.total();
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < cm.k(); c++) {
            observed += cm.count(c, c);
            expected += cm.support(c) * (double) cm.predictedCount(c);
        }
        observed /= n;
        expected /= n * n;
        if (expected >= 1.0) {
            return MetricValue.undefined("chance agreement is 1: truth and predictions are one single class");
        }
        return MetricValue.of((observed - expected) / (1 - expected));
    }

    /** Cohen's kappa of arg-max predictions. */
    public static MetricValue cohenKappa(int[] labels, double[][] probs) {
        return cohenKappa(ConfusionMatrix.fromProbabilities(labels, probs));
    }

    /** One-vs-rest precision, recall, specificity, F1, NPV and support for every class. */
    public static List<ClassMetrics> perClass(ConfusionMatrix cm) {
        long n = cm.total();
        List<ClassMetrics> out = new ArrayList<>(cm.k());
        for (int c = 0; c < cm.k(); c++) {
            long tp = cm.count(c, c);
            long support = cm.support(c);
            long predicted = cm.predictedCount(c);
            long fn = support - tp;
            long fp = predicted - tp;
            long tn = n - tp - fn - fp;
            out.add(new ClassMetrics(c, support, ratio(tp, tp + fp), ratio(tp, tp + fn), ratio(tn, tn + fp),
                    ratio(2 * tp, 2 * tp + fp + fn), ratio(tn, tn + fn)));
        }
        return List.copyOf(out);
    }

    /** Per-class metrics of arg-max predictions. */
    public static List<ClassMetrics> perClass(int[] labels, double[][] probs) {
        return perClass(ConfusionMatrix.fromProbabilities(labels, probs));
    }

    static double ratio(long num, long den) {
        return den == 0 ? Double.NaN : num / (double) den;
    }
}
