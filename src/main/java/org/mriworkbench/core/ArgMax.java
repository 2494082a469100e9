package org.mriworkbench.core;

/**
 * The index of the largest entry, with ties going to the lower index as in numpy's {@code argmax}. Every place that
 * turns probabilities into a predicted class (metrics, prediction, explanation, paired comparisons) must break ties
 * the same way, or two views of one run could disagree about what it predicted.
 */
public final class ArgMax {

    private ArgMax() {
    }

    /** Index of the largest entry of {@code row}; the first one wins ties. */
    public static int of(double[] row) {
        if (row.length == 0) {
            throw new IllegalArgumentException("argmax of an empty row");
        }
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }

    /** {@link #of(double[])} of every row. */
    public static int[] ofRows(double[][] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = of(rows[i]);
        }
        return out;
    }
}
