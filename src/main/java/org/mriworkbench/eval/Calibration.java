package org.mriworkbench.eval;

import java.util.ArrayList;
import java.util.List;
import org.mriworkbench.core.ArgMax;

/**
 * Whether the model's confidence can be taken at face value. A CNN that says 0.99 and is right 80% of the time
 * misleads anyone who thresholds on it, and modern deep networks are typically over-confident (Guo et al.
 * 2017, "On Calibration of Modern Neural Networks").
 *
 * <p>Both functions use the <em>top-label</em> view: confidence is the largest class probability and a sample
 * counts as correct when its arg-max is the true class. Bins are equal-width on [0, 1] and right-closed,
 * {@code ((m-1)/M, m/M]}, as in Guo et al.; the expected calibration error (Naeini et al. 2015) is
 * {@code ECE = sum_m (|B_m| / n) |acc(B_m) - conf(B_m)|}. ECE depends on the bin count, so reports should
 * state it; {@link #DEFAULT_BINS} is the 15 used by Guo et al.
 */
public final class Calibration {

    /** Bin count used by Guo et al. 2017. */
    public static final int DEFAULT_BINS = 15;

    private Calibration() {
    }

    /** Reliability-diagram bins over top-label confidence; every bin is returned, empty ones with NaN means. */
    public static List<ReliabilityBin> reliabilityBins(int[] labels, double[][] probs, int bins) {
        Checks.classification(labels, probs);
        if (bins < 1) {
            throw new IllegalArgumentException("need at least one bin, got " + bins);
        }
        int[] count = new int[bins];
        double[] confSum = new double[bins];
        int[] correct = new int[bins];
        int[] predicted = ArgMax.ofRows(probs);
        for (int i = 0; i < labels.length; i++) {
            double conf = probs[i][predicted[i]];
            int b = binOf(conf, bins);
            count[b]++;
            confSum[b] += conf;
            if (predicted[i] == labels[i]) {
                correct[b]++;
            }
        }
        List<ReliabilityBin> out = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            double meanConf = count[b] == 0 ? Double.NaN : confSum[b] / count[b];
            double acc = count[b] == 0 ? Double.NaN : correct[b] / (double) count[b];
            out.add(new ReliabilityBin(b / (double) bins, (b + 1) / (double) bins, meanConf, acc, count[b]));
        }
        return List.copyOf(out);
    }

    /** Expected calibration error with {@code bins} equal-width bins over top-label confidence. */
    public static double expectedCalibrationError(int[] labels, double[][] probs, int bins) {
        double ece = 0;
        for (ReliabilityBin b : reliabilityBins(labels, probs, bins)) {
            if (b.count() > 0) {
                ece += b.count() * Math.abs(b.accuracy() - b.meanConfidence());
            }
        }
        return ece / labels.length;
    }

    /** ECE with {@link #DEFAULT_BINS} bins. */
    public static double expectedCalibrationError(int[] labels, double[][] probs) {
        return expectedCalibrationError(labels, probs, DEFAULT_BINS);
    }

    /** Index m of the bin {@code (m/M, (m+1)/M]} holding {@code conf}, robust to rounding of {@code conf*M}. */
    static int binOf(double conf, int bins) {
        int b = (int) Math.ceil(conf * bins) - 1;
        b = Math.max(0, Math.min(bins - 1, b));
        while (b > 0 && conf <= b / (double) bins) {
            b--;
        }
        while (b < bins - 1 && conf > (b + 1) / (double) bins) {
            b++;
        }
        return b;
    }
}
