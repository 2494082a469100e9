package org.mriworkbench.eval;

import java.util.Arrays;
import org.mriworkbench.core.ArgMax;

/**
 * Counts of true class (row) against predicted class (column), plus the row-normalised rates a reader actually
 * compares across classes of very different size. Predictions come from the arg-max of the probabilities with
 * ties going to the lower class index (as numpy's {@code argmax}), so results match scikit-learn's
 * {@code confusion_matrix(y, p.argmax(1))}. A class with no true samples has a row of NaN rates.
 *
 * <p>Arrays are copied in and out, so the record is immutable despite holding arrays; {@code equals} compares
 * contents.
 *
 * @param counts   k-by-k counts, {@code counts[true][predicted]}
 * @param rowRates counts divided by their row sum (recall on the diagonal); NaN rows for absent classes
 */
public record ConfusionMatrix(int[][] counts, double[][] rowRates) {

    public ConfusionMatrix {
        counts = deepCopy(counts);
        rowRates = deepCopy(rowRates);
        if (counts.length != rowRates.length) {
            throw new IllegalArgumentException("counts and rates differ in size");
        }
    }

    /** Builds the matrix from counts, deriving the row rates. */
    public static ConfusionMatrix ofCounts(int[][] counts) {
        int k = counts.length;
        double[][] rates = new double[k][k];
        for (int t = 0; t < k; t++) {
            if (counts[t].length != k) {
                throw new IllegalArgumentException("confusion matrix must be square");
            }
            long row = 0;
            for (int c : counts[t]) {
                row += c;
            }
            for (int p = 0; p < k; p++) {
                rates[t][p] = row == 0 ? Double.NaN : counts[t][p] / (double) row;
            }
        }
        return new ConfusionMatrix(counts, rates);
    }

    /** Tallies true against predicted class indices, both in {@code [0, k)}. */
    public static ConfusionMatrix of(int[] trueLabels, int[] predicted, int k) {
        if (trueLabels.length != predicted.length) {
            throw new IllegalArgumentException("true and predicted labels differ in length");
        }
        int[][] counts = new int[k][k];
        for (int i = 0; i < trueLabels.length; i++) {
            Checks.labelInRange(trueLabels[i], k, i);
            Checks.labelInRange(predicted[i], k, i);
            counts[trueLabels[i]][predicted[i]]++;
        }
        return ofCounts(counts);
    }

    /** Tallies true labels against the arg-max of each probability row. */
    public static ConfusionMatrix fromProbabilities(int[] trueLabels, double[][] probs) {
        int k = Checks.classification(trueLabels, probs);
        return of(trueLabels, ArgMax.ofRows(probs), k);
    }

    /** Number of classes. */
    public int k() {
        return counts.length;
    }

    /** Total number of samples. */
    public long total() {
        long n = 0;
        for (int[] row : counts) {
            for (int c : row) {
                n += c;
            }
        }
        return n;
    }

    /** Count at {@code [trueClass][predictedClass]}. */
    public int count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    /** Samples whose true class is {@code c}. */
    public long support(int c) {
        long s = 0;
        for (int v : counts[c]) {
            s += v;
        }
        return s;
    }

    /** Samples predicted as class {@code c}. */
    public long predictedCount(int c) {
        long s = 0;
        for (int[] row : counts) {
            s += row[c];
        }
        return s;
    }

    @Override
    public int[][] counts() {
        return deepCopy(counts);
    }

    @Override
    public double[][] rowRates() {
        return deepCopy(rowRates);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix other
                && Arrays.deepEquals(counts, other.counts) && Arrays.deepEquals(rowRates, other.rowRates);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + Arrays.deepToString(counts);
    }

    private static int[][] deepCopy(int[][] a) {
        int[][] out = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
