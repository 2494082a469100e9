package org.mriworkbench.eval;

import java.util.Arrays;

/**
 * The two-sample Kolmogorov-Smirnov test (Kolmogorov 1933; Smirnov 1948): the largest vertical distance D between
 * the empirical distribution functions of two samples, with its asymptotic p-value. It needs no assumption about the
 * shape of either distribution, which is why the dataset-shift check uses it to compare per-image statistics (mean
 * intensity, contrast, background) of a new folder with the training images: brightness and contrast differences
 * between scanners are rarely normal or equal in spread. D itself is the effect size (0 = identical distributions,
 * 1 = no overlap); the p-value only says whether the sample sizes can tell.
 *
 * <p>The p-value is Q_KS(lambda) with lambda = (sqrt(Ne) + 0.12 + 0.11 / sqrt(Ne)) D and Ne = n m / (n + m)
 * (Stephens 1970, as in Press et al., Numerical Recipes, 3rd ed., section 14.3.3); it is good for Ne of about 4 and
 * more, and conservative with ties. Undefined results (an empty sample) are NaN, never an exception.
 *
 * @param statistic D, in [0, 1]; NaN when a sample is empty
 * @param pValue    asymptotic two-sided p-value; NaN when a sample is empty
 * @param n         size of the first sample
 * @param m         size of the second sample
 */
public record KolmogorovSmirnov(double statistic, double pValue, int n, int m) {

    /** The test of {@code a} against {@code b}; values must be finite (malformed input throws). */
    public static KolmogorovSmirnov twoSample(double[] a, double[] b) {
        for (double[] s : new double[][] {a, b}) {
            for (double v : s) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("Kolmogorov-Smirnov needs finite values, got " + v);
                }
            }
        }
        int n = a.length;
        int m = b.length;
        if (n == 0 || m == 0) {
            return new KolmogorovSmirnov(Double.NaN, Double.NaN, n, m);
        }
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < n && j < m) {
            double v = Math.min(x[i], y[j]);
            // Step past every copy of v in both samples before comparing, so ties do not open a false gap.
            while (i < n && x[i] == v) {
                i++;
            }
            while (j < m && y[j] == v) {
                j++;
            }
            d = Math.max(d, Math.abs(i / (double) n - j / (double) m));
        }
        double ne = n * (double) m / (n + m);
        double sq = Math.sqrt(ne);
        return new KolmogorovSmirnov(d, Distributions.kolmogorovUpper((sq + 0.12 + 0.11 / sq) * d), n, m);
    }
}
