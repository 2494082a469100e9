package org.mriworkbench.eval;

import java.util.Arrays;

/**
 * True and false positive counts at every distinct score, scanned from the highest score down, with the rule
 * "positive iff score >= threshold". Tied scores share one threshold, so a tie is one diagonal step of the ROC
 * curve rather than an arbitrary staircase that depends on input order. This is the common core of the ROC,
 * precision-recall and operating-point code, computed with two primitive sorts in O(n log n).
 *
 * @param thresholds distinct scores, strictly decreasing
 * @param tps        positives with score >= thresholds[i]
 * @param fps        negatives with score >= thresholds[i]
 * @param positives  total positives
 * @param negatives  total negatives
 */
record BinaryCounts(double[] thresholds, long[] tps, long[] fps, long positives, long negatives) {

    static BinaryCounts of(int[] y, double[] scores) {
        Checks.binary(y, scores);
        int n = y.length;
        double[] all = scores.clone();
        int p = 0;
        for (int v : y) {
            p += v;
        }
        double[] pos = new double[p];
        for (int i = 0, j = 0; i < n; i++) {
            if (y[i] == 1) {
                pos[j++] = scores[i];
            }
        }
        Arrays.sort(all);
        Arrays.sort(pos);
        double[] thr = new double[n];
        long[] tps = new long[n];
        long[] fps = new long[n];
        int m = 0;
        int i = n - 1;
        int j = p - 1;
        long tp = 0;
        long fp = 0;
        while (i >= 0) {
            double v = all[i];
            int tied = 0;
            while (i >= 0 && all[i] == v) {
                tied++;
                i--;
            }
            int tiedPos = 0;
            while (j >= 0 && pos[j] == v) {
                tiedPos++;
                j--;
            }
            tp += tiedPos;
            fp += tied - tiedPos;
            thr[m] = v;
            tps[m] = tp;
            fps[m] = fp;
            m++;
        }
        return new BinaryCounts(Arrays.copyOf(thr, m), Arrays.copyOf(tps, m), Arrays.copyOf(fps, m), p, n - p);
    }

    int size() {
        return thresholds.length;
    }
}
