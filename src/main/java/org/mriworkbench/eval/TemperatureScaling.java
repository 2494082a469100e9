package org.mriworkbench.eval;

/**
 * Temperature scaling (Guo et al. 2017): divide the logits by one scalar T &gt; 0 fitted on validation data by
 * minimising negative log-likelihood. It fixes over- (T &gt; 1) or under-confidence (T &lt; 1) without changing
 * any arg-max, so accuracy and per-class rates are untouched while log loss and ECE improve.
 *
 * <p>The fit is a golden-section search over log T in [ln 0.01, ln 100]. That is safe because NLL is convex in
 * 1/T (log-sum-exp of a linear function), hence unimodal in log T. When the model only exposes probabilities,
 * their logarithms serve as logits: softmax(log p) = p, so T = 1 reproduces the input.
 *
 * @param temperature the fitted T
 * @param nllBefore   validation NLL at T = 1
 * @param nllAfter    validation NLL at the fitted T
 */
public record TemperatureScaling(double temperature, double nllBefore, double nllAfter) {

    private static final double LOG_T_MIN = Math.log(0.01);
    private static final double LOG_T_MAX = Math.log(100);
    private static final double TOLERANCE = 1e-9;

    public TemperatureScaling {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
    }

    /** Fits T on validation logits (n-by-k) and their true class indices. */
    public static TemperatureScaling fit(int[] labels, double[][] logits) {
        Checks.classification(labels, logits);
        final double invPhi = (Math.sqrt(5) - 1) / 2;
        double a = LOG_T_MIN;
        double b = LOG_T_MAX;
        double c = b - invPhi * (b - a);
        double d = a + invPhi * (b - a);
        double fc = nll(labels, logits, Math.exp(c));
        double fd = nll(labels, logits, Math.exp(d));
        while (b - a > TOLERANCE) {
            if (fc <= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - invPhi * (b - a);
                fc = nll(labels, logits, Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + invPhi * (b - a);
                fd = nll(labels, logits, Math.exp(d));
            }
        }
        double t = Math.exp((a + b) / 2);
        return new TemperatureScaling(t, nll(labels, logits, 1.0), nll(labels, logits, t));
    }

    /** Fits T on validation probabilities by treating their (clipped) logarithms as logits. */
    public static TemperatureScaling fitOnProbabilities(int[] labels, double[][] probs) {
        return fit(labels, logOf(probs));
    }

    /** Calibrated probabilities softmax(z / T) for logits z. */
    public double[][] apply(double[][] logits) {
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            out[i] = softmax(logits[i], temperature);
        }
        return out;
    }

    /** Calibrated probabilities for probabilities p, i.e. softmax(log p / T). */
    public double[][] applyToProbabilities(double[][] probs) {
        return apply(logOf(probs));
    }

    /** Mean negative log-likelihood of softmax(z / T). */
    static double nll(int[] labels, double[][] logits, double t) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double[] z = logits[i];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v / t);
            }
            double s = 0;
            for (double v : z) {
                s += Math.exp(v / t - max);
            }
            sum += max + Math.log(s) - z[labels[i]] / t;
        }
        return sum / labels.length;
    }

    private static double[] softmax(double[] z, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v / t);
        }
        double[] out = new double[z.length];
        double s = 0;
        for (int c = 0; c < z.length; c++) {
            out[c] = Math.exp(z[c] / t - max);
            s += out[c];
        }
        for (int c = 0; c < z.length; c++) {
            out[c] /= s;
        }
        return out;
    }

    private static double[][] logOf(double[][] probs) {
        double[][] out = new double[probs.length][];
        for (int i = 0; i < probs.length; i++) {
            out[i] = new double[probs[i].length];
            for (int c = 0; c < probs[i].length; c++) {
                out[i][c] = Math.log(Math.max(probs[i][c], ScoringRules.EPS));
            }
        }
        return out;
    }
}
