package org.mriworkbench.runeval;

import org.mriworkbench.eval.Predictions;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.mriworkbench.eval.Bootstrap;
import org.mriworkbench.eval.BootstrapInterval;
import org.mriworkbench.eval.Metrics;

/**
 * The same model on the official Testing images that have a copy in its training data and on those that do not: the
 * size of the gap is what leakage adds to a reported figure. Measured, not assumed: on the under-fitted reference
 * runs it was nil, and it should open as models fit harder.
 *
 * @param leakedImages   official Testing images with an exact or near copy in the training data
 * @param leakedAccuracy accuracy on them
 * @param cleanImages    the leakage-free remainder
 * @param cleanAccuracy  accuracy on it
 */
public record LeakageEffect(int leakedImages, BootstrapInterval leakedAccuracy, int cleanImages,
                            BootstrapInterval cleanAccuracy) {

    /**
     * {@code all} holds the model's predictions on the whole Testing folder, {@code clean} on the leakage-free
     * remainder (every image of it, not a sample, or the rest would count as leaked).
     */
    public static LeakageEffect of(Predictions all, Predictions clean, Bootstrap b) {
        Set<String> cleanIds = new HashSet<>(clean.ids());
        int[] leaked = IntStream.range(0, all.size()).filter(i -> !cleanIds.contains(all.ids().get(i))).toArray();
        int[] kept = IntStream.range(0, all.size()).filter(i -> cleanIds.contains(all.ids().get(i))).toArray();
        int[] labels = all.labels();
        double[][] probs = all.probabilities();
        return new LeakageEffect(leaked.length, accuracy(b, labels, probs, leaked), kept.length,
                accuracy(b, labels, probs, kept));
    }

    private static BootstrapInterval accuracy(Bootstrap b, int[] labels, double[][] probs, int[] rows) {
        int[] y = new int[rows.length];
        double[][] q = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            y[i] = labels[rows[i]];
            q[i] = probs[rows[i]];
        }
        return b.interval(Metrics.ACCURACY, y, q);
    }
}
