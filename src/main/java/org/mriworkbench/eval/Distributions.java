package org.mriworkbench.eval;

/**
 * The few distribution tails the paired tests and the two-sample Kolmogorov-Smirnov test need, kept here so the
 * workbench does not depend on a transitive commons-math. erfc is computed as the regularised upper incomplete
 * gamma function Q(1/2, x^2) by its series or continued fraction (Press et al., Numerical Recipes, 3rd ed., section
 * 6.2), accurate to about 1e-15 relative.
 */
final class Distributions {

    /** Two-sided 95% standard normal quantile. */
    static final double Z95 = 1.959963984540054;

    private static final double LOG_SQRT_PI = 0.5 * Math.log(Math.PI);
    private static final double FPMIN = Double.MIN_NORMAL / Math.ulp(1.0);

    private Distributions() {
    }

    /** Complementary error function. */
    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double q = upperGammaHalf(x * x);
        return x >= 0 ? q : 2 - q;
    }

    /** Two-sided p-value of a standard normal statistic. */
    static double normalTwoSided(double z) {
        return erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** Upper tail of the chi-square distribution with one degree of freedom. */
    static double chiSquare1Upper(double stat) {
        return stat <= 0 ? 1.0 : erfc(Math.sqrt(stat / 2));
    }

    /**
     * Upper tail of the Kolmogorov distribution, Q_KS(lambda) = 2 sum_{j>=1} (-1)^(j-1) exp(-2 j^2 lambda^2), the
     * asymptotic p-value of a Kolmogorov-Smirnov statistic (Press et al., Numerical Recipes, 3rd ed., section
     * 6.14.12). Below lambda = 1.18 the series converges slowly, so its Jacobi-transformed form is used there.
     */
    static double kolmogorovUpper(double lambda) {
        if (Double.isNaN(lambda)) {
            return Double.NaN;
        }
        if (lambda <= 0) {
            return 1.0;
        }
        if (lambda < 1.18) {
            double y = Math.exp(-Math.PI * Math.PI / (8 * lambda * lambda));
            double sum = 0;
            for (int j = 1; j <= 9; j += 2) {
                sum += Math.pow(y, (double) j * j);
            }
            return Math.max(0.0, Math.min(1.0, 1 - Math.sqrt(2 * Math.PI) / lambda * sum));
        }
        double x = Math.exp(-2 * lambda * lambda);
        double sum = 0;
        double sign = 1;
        for (int j = 1; j <= 100; j++) {
            double term = Math.pow(x, (double) j * j);
            sum += sign * term;
            sign = -sign;
            if (term < 1e-17) {
                break;
            }
        }
        return Math.max(0.0, Math.min(1.0, 2 * sum));
    }

    /** Q(1/2, x) for x &gt;= 0. */
    private static double upperGammaHalf(double x) {
        final double a = 0.5;
        if (x == 0) {
            return 1.0;
        }
        double prefactor = Math.exp(-x + a * Math.log(x) - LOG_SQRT_PI);
        if (x < a + 1) {
            double ap = a;
            double del = 1 / a;
            double sum = del;
            for (int n = 0; n < 1000; n++) {
                ap += 1;
                del *= x / ap;
                sum += del;
                if (Math.abs(del) < Math.abs(sum) * 1e-17) {
                    break;
                }
            }
            return 1 - sum * prefactor;
        }
        double b = x + 1 - a;
        double c = 1 / FPMIN;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 1000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < FPMIN) {
                d = FPMIN;
            }
            c = b + an / c;
            if (Math.abs(c) < FPMIN) {
                c = FPMIN;
            }
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-16) {
                break;
            }
        }
        return prefactor * h;
    }
}
