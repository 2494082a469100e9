package org.mriworkbench.eval;

/** Input validation shared by the metric classes. Malformed input throws; undefined statistics never do. */
final class Checks {

    private Checks() {
    }

    /** Checks an n-by-k probability matrix against its labels and returns k. */
    static int classification(int[] labels, double[][] probs) {
        if (labels == null || probs == null) {
            throw new IllegalArgumentException("labels and probabilities must not be null");
        }
        if (labels.length != probs.length) {
            throw new IllegalArgumentException(
                    "labels has " + labels.length + " rows but probabilities has " + probs.length);
        }
        if (probs.length == 0) {
            throw new IllegalArgumentException("need at least one sample");
        }
        int k = probs[0].length;
        if (k < 2) {
            throw new IllegalArgumentException("need at least two classes, got " + k);
        }
        for (int i = 0; i < probs.length; i++) {
            if (probs[i].length != k) {
                throw new IllegalArgumentException("row " + i + " has " + probs[i].length + " columns, expected " + k);
            }
            for (double p : probs[i]) {
                if (!Double.isFinite(p)) {
                    throw new IllegalArgumentException("non-finite probability in row " + i);
                }
            }
            labelInRange(labels[i], k, i);
        }
        return k;
    }

    static void labelInRange(int label, int k, int row) {
        if (label < 0 || label >= k) {
            throw new IllegalArgumentException("label " + label + " at row " + row + " is outside [0, " + k + ")");
        }
    }

    /** Checks binary labels (0/1) against finite scores of the same length. */
    static void binary(int[] y, double[] scores) {
        if (y == null || scores == null) {
            throw new IllegalArgumentException("labels and scores must not be null");
        }
        if (y.length != scores.length) {
            throw new IllegalArgumentException("labels has " + y.length + " entries but scores has " + scores.length);
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("binary label must be 0 or 1, got " + y[i] + " at " + i);
            }
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("non-finite score at " + i);
            }
        }
    }

    static void positiveClass(int positive, int k) {
        if (positive < 0 || positive >= k) {
            throw new IllegalArgumentException("positive class " + positive + " is outside [0, " + k + ")");
        }
    }
}
