package org.mriworkbench.eval;

import java.util.Arrays;

/**
 * DeLong's test for the difference of two correlated AUCs measured on the same samples (DeLong, DeLong &amp;
 * Clarke-Pearson 1988, Biometrics 44:837). Each AUC is a Mann-Whitney statistic; its structural components
 * (placement values V10 per positive, V01 per negative) give a nonparametric covariance of the two AUCs, and
 * {@code z = (AUC_A - AUC_B) / se} is referred to the standard normal. Components are computed with midranks
 * in O(n log n) as in Sun &amp; Xu 2014 (IEEE Signal Processing Letters 21:1389), ties counting 1/2.
 *
 * <p>Degenerate cases: when the variance of the difference is zero and the AUCs are equal (e.g. identical score
 * vectors) p = 1; when it is zero but they differ, or a class has fewer than two samples, p is NaN with a note.
 */
public final class DeLong {

    private DeLong() {
    }

    /** Compares the AUCs of two score vectors for the same binary labels (1 = positive). */
    public static PairedComparison compare(int[] y, double[] scoresA, double[] scoresB) {
        Checks.binary(y, scoresA);
        Checks.binary(y, scoresB);
        int n = y.length;
        int m = 0;
        for (int v : y) {
            m += v;
        }
        int negatives = n - m;
        if (m < 2 || negatives < 2) {
            MetricValue a = Ranking.rocAuc(y, scoresA);
            MetricValue b = Ranking.rocAuc(y, scoresB);
            return new PairedComparison("DeLong", a.value(), b.value(), a.value() - b.value(), Double.NaN,
                    Double.NaN, Double.NaN, n, "needs at least two positives and two negatives, got " + m
                    + " and " + negatives);
        }
        double[][] v10 = new double[2][];
        double[][] v01 = new double[2][];
        double[] auc = new double[2];
        double[][] scores = {scoresA, scoresB};
        for (int r = 0; r < 2; r++) {
            double[] pos = new double[m];
            double[] neg = new double[negatives];
            for (int i = 0, p = 0, q = 0; i < n; i++) {
                if (y[i] == 1) {
                    pos[p++] = scores[r][i];
                } else {
                    neg[q++] = scores[r][i];
                }
            }
            double[] sortedAll = scores[r].clone();
            double[] sortedPos = pos.clone();
            double[] sortedNeg = neg.clone();
            Arrays.sort(sortedAll);
            Arrays.sort(sortedPos);
            Arrays.sort(sortedNeg);
            v10[r] = new double[m];
            v01[r] = new double[negatives];
            double rankSum = 0;
            for (int i = 0; i < m; i++) {
                double tz = midrank(sortedAll, pos[i]);
                rankSum += tz;
                v10[r][i] = (tz - midrank(sortedPos, pos[i])) / negatives;
            }
            for (int j = 0; j < negatives; j++) {
                v01[r][j] = 1 - (midrank(sortedAll, neg[j]) - midrank(sortedNeg, neg[j])) / m;
            }
            auc[r] = (rankSum - m * (m + 1) / 2.0) / ((double) m * negatives);
        }
        double var = differenceVariance(v10[0], v10[1]) / m + differenceVariance(v01[0], v01[1]) / negatives;
        double diff = auc[0] - auc[1];
        double se = Math.sqrt(Math.max(var, 0));
        if (se == 0) {
            boolean same = diff == 0;
            return new PairedComparison("DeLong", auc[0], auc[1], diff, diff, diff, same ? 1.0 : Double.NaN, n,
                    same ? "zero variance and equal AUCs" : "zero variance of the difference: test undefined");
        }
        return new PairedComparison("DeLong", auc[0], auc[1], diff, diff - Distributions.Z95 * se,
                diff + Distributions.Z95 * se, Distributions.normalTwoSided(diff / se), n,
                "se=" + se + ", positives=" + m + ", negatives=" + negatives);
    }

    /** Compares the AUCs of one class against the rest, scored by its probability column in each model. */
    public static PairedComparison compare(int[] labels, double[][] probsA, double[][] probsB, int positiveClass) {
        int k = Checks.classification(labels, probsA);
        Checks.classification(labels, probsB);
        Checks.positiveClass(positiveClass, k);
        return compare(Ranking.oneVsRestLabels(labels, positiveClass), Ranking.column(probsA, positiveClass),
                Ranking.column(probsB, positiveClass));
    }

    /** 1-based midrank of {@code v} within a sorted array: ties share the mean of their ranks. */
    static double midrank(double[] sorted, double v) {
        int lo = lowerBound(sorted, v);
        int hi = lowerBound(sorted, Math.nextUp(v));
        return (lo + 1 + hi) / 2.0;
    }

    /** Sample variance of {@code a - b} (n - 1 denominator), i.e. S_aa + S_bb - 2 S_ab. */
    private static double differenceVariance(double[] a, double[] b) {
        int len = a.length;
        double mean = 0;
        for (int i = 0; i < len; i++) {
            mean += a[i] - b[i];
        }
        mean /= len;
        double ss = 0;
        for (int i = 0; i < len; i++) {
            double d = a[i] - b[i] - mean;
            ss += d * d;
        }
        return ss / (len - 1);
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
