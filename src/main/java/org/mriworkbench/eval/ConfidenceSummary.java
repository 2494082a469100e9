package org.mriworkbench.eval;

import java.util.Arrays;

/**
 * How sure a model is on a set of images, from its top-label confidence (the largest softmax probability of each
 * image). A model fed images unlike its training data often becomes less sure (Hendrycks &amp; Gimpel, "A Baseline
 * for Detecting Misclassified and Out-of-Distribution Examples in Neural Networks", ICLR 2017), so comparing this
 * summary on a new folder with the same summary on the model's own test set is a cheap, label-free warning sign.
 * It is only a sign: a model can also be confidently wrong far from its data.
 *
 * @param n             images
 * @param mean          mean confidence; NaN when {@code n} = 0
 * @param p05           5th percentile (type-7 quantiles, as {@link Bootstrap} uses)
 * @param p25           first quartile
 * @param median        median
 * @param p75           third quartile
 * @param p95           95th percentile
 * @param threshold     the "unsure" threshold used for {@code fractionBelow}
 * @param fractionBelow share of images whose confidence is below {@code threshold}
 */
public record ConfidenceSummary(int n, double mean, double p05, double p25, double median, double p75, double p95,
                                double threshold, double fractionBelow) {

    /** The default "unsure" threshold: below 0.6 a binary model is close to a coin toss. */
    public static final double DEFAULT_THRESHOLD = 0.6;

    /** The largest probability of one image's class probabilities. */
    public static double maxProbability(double[] row) {
        double best = Double.NEGATIVE_INFINITY;
        for (double p : row) {
            best = Math.max(best, p);
        }
        return best;
    }

    /** The largest probability of each row. */
    public static double[] maxProbabilities(double[][] probs) {
        double[] out = new double[probs.length];
        for (int i = 0; i < probs.length; i++) {
            out[i] = maxProbability(probs[i]);
        }
        return out;
    }

    /** The summary of n-by-k probabilities with the {@linkplain #DEFAULT_THRESHOLD default threshold}. */
    public static ConfidenceSummary of(double[][] probs) {
        return ofConfidences(maxProbabilities(probs), DEFAULT_THRESHOLD);
    }

    /** The summary of top-label confidences. */
    public static ConfidenceSummary ofConfidences(double[] confidences, double threshold) {
        int n = confidences.length;
        if (n == 0) {
            return new ConfidenceSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    threshold, Double.NaN);
        }
        double[] s = confidences.clone();
        Arrays.sort(s);
        double sum = 0;
        int below = 0;
        for (double c : s) {
            sum += c;
            below += c < threshold ? 1 : 0;
        }
        return new ConfidenceSummary(n, sum / n, Bootstrap.quantile(s, 0.05), Bootstrap.quantile(s, 0.25),
                Bootstrap.quantile(s, 0.5), Bootstrap.quantile(s, 0.75), Bootstrap.quantile(s, 0.95), threshold,
                below / (double) n);
    }
}
