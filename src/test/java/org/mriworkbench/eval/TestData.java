package org.mriworkbench.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Seeded synthetic labels and probabilities with deliberate ties, for tests. */
record TestData(int[] labels, double[][] probs) {

    /** Binary data: positive-class score rounded to {@code decimals} decimals, so many scores tie. */
    static TestData binary(long seed, int n, double positiveRate, int decimals) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] y = new int[n];
        double[][] p = new double[n][];
        double scale = Math.pow(10, decimals);
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextDouble() < positiveRate ? 1 : 0;
            double logit = rng.nextGaussian() + (y[i] == 1 ? 1.2 : -0.2);
            double s = Math.round(scale / (1 + Math.exp(-logit))) / scale;
            p[i] = new double[] {1 - s, s};
        }
        return new TestData(y, p);
    }

    /**
     * k-class data whose probabilities are small integer counts over their sum, so values and arg-maxes tie
     * often while rows still sum to one. With {@code neverPredicted} &gt;= 0 that class always gets zero mass.
     */
    static TestData grid(long seed, int n, int k, int neverPredicted) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] y = new int[n];
        double[][] p = new double[n][k];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(k);
            int[] c = new int[k];
            int sum = 0;
            for (int j = 0; j < k; j++) {
                c[j] = rng.nextInt(6) + (j == y[i] ? rng.nextInt(5) : 0);
                if (j == neverPredicted) {
                    c[j] = 0;
                }
                sum += c[j];
            }
            if (sum == 0) {
                c[neverPredicted == 0 ? 1 : 0] = 1;
                sum = 1;
            }
            for (int j = 0; j < k; j++) {
                p[i][j] = c[j] / (double) sum;
            }
        }
        return new TestData(y, p);
    }

    /** Writes "label,p0,..." rows with round-trip-exact doubles. */
    void writeCsv(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("label");
        for (int j = 0; j < probs[0].length; j++) {
            sb.append(",p").append(j);
        }
        sb.append('\n');
        for (int i = 0; i < labels.length; i++) {
            sb.append(labels[i]);
            for (double v : probs[i]) {
                sb.append(',').append(v);
            }
            sb.append('\n');
        }
        Files.writeString(file, sb);
    }
}
