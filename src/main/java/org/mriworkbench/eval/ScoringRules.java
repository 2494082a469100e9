package org.mriworkbench.eval;

/**
 * Proper scoring rules for probabilistic predictions (Gneiting &amp; Raftery 2007): they reward a model for
 * reporting its true belief, so they see miscalibration that accuracy and AUC cannot.
 *
 * <p><b>Log loss</b> is the mean negative log-probability of the true class. Probabilities are clipped to
 * {@code [EPS, 1 - EPS]} with {@link #EPS} = 2^-52 (machine epsilon for doubles, scikit-learn's
 * {@code eps="auto"}), so one confidently wrong sample costs at most about 36 nats instead of infinity. Unlike
 * scikit-learn 1.2 the clipped rows are not renormalised; for rows that sum to one the difference is of the
 * order of EPS.
 *
 * <p><b>Brier score</b> comes in two conventions and this class names them apart: {@link #brierScore} is the
 * binary form, the mean squared error of the positive-class probability (range [0, 1], scikit-learn's
 * {@code brier_score_loss}); {@link #multiclassBrier} is Brier's (1950) original form, the mean over samples
 * of the sum over classes of {@code (p_c - 1[y = c])^2} (range [0, 2]). For two classes the multiclass form is
 * exactly twice the binary one.
 */
public final class ScoringRules {

    /** Clipping bound for log loss: the spacing of doubles at 1.0, {@code Math.ulp(1.0)}. */
    public static final double EPS = Math.ulp(1.0);

    private ScoringRules() {
    }

    /** Mean negative log-probability assigned to the true class, with clipping (see class notes). */
    public static double logLoss(int[] labels, double[][] probs) {
        Checks.classification(labels, probs);
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= Math.log(clip(probs[i][labels[i]]));
        }
        return sum / labels.length;
    }

    /** Binary log loss of the positive-class probability {@code p} against labels in {0, 1}. */
    public static double logLoss(int[] y, double[] p) {
        Checks.binary(y, p);
        if (y.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double q = clip(p[i]);
            sum -= y[i] == 1 ? Math.log(q) : Math.log1p(-q);
        }
        return sum / y.length;
    }

    /** Binary Brier score: mean of {@code (p - y)^2} over samples. */
    public static double brierScore(int[] y, double[] p) {
        Checks.binary(y, p);
        if (y.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double d = p[i] - y[i];
            sum += d * d;
        }
        return sum / y.length;
    }

    /** Multiclass Brier score (Brier 1950): mean over samples of the squared error summed over classes. */
    public static double multiclassBrier(int[] labels, double[][] probs) {
        int k = Checks.classification(labels, probs);
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int c = 0; c < k; c++) {
                double d = probs[i][c] - (labels[i] == c ? 1 : 0);
                sum += d * d;
            }
        }
        return sum / labels.length;
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, EPS), 1 - EPS);
    }
}
