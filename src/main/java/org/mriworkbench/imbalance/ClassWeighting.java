package org.mriworkbench.imbalance;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Cost-sensitive learning ({@code class-weights}): every sample once, but the loss of class c is multiplied by
 * w_c, so a rare class counts as much in the gradient as a common one without duplicating or discarding images.
 * This is the classic alternative to resampling compared in Buda, Maki &amp; Mazurowski, "A systematic study of the
 * class imbalance problem in convolutional neural networks", Neural Networks 106 (2018) 249-259.
 *
 * <p>With no weights given, they are inverse class frequencies normalised so that the mean over the classes present
 * is 1 ({@link #inverseFrequencyWeights}); the overall loss scale then stays comparable to an unweighted run.
 *
 * @param weights user-given per-class weights, or empty for inverse frequency
 */
public record ClassWeighting(List<Double> weights) implements ImbalanceStrategy {

    public ClassWeighting {
        weights = List.copyOf(weights);
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("class weights must be finite and >= 0, got " + weights);
            }
        }
    }

    @Override
    public String name() {
        return "class-weights";
    }

    @Override
    public EpochPlan plan(int[] labels, int numClasses, long seed, int epoch) {
        double[] w;
        if (weights.isEmpty()) {
            w = inverseFrequencyWeights(labels, numClasses);
        } else {
            Sampling.counts(labels, numClasses);
            if (weights.size() != numClasses) {
                throw new IllegalArgumentException(weights.size() + " class weights given for " + numClasses
                        + " classes");
            }
            w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        }
        SplittableRandom rng = Sampling.rng(seed, epoch);
        int[] order = Sampling.identity(labels.length);
        Sampling.shuffle(order, rng);
        return EpochPlan.of(order, Sampling.filled(order.length, 1.0), w);
    }

    /**
     * w_c proportional to 1 / n_c over the classes present, scaled to mean 1 over those classes. Classes absent
     * from {@code labels} get weight 1: they never occur as a target, so their weight cannot matter in training,
     * and 1 keeps a validation loss that does contain them unweighted.
     */
    public static double[] inverseFrequencyWeights(int[] labels, int numClasses) {
        int[] counts = Sampling.counts(labels, numClasses);
        double[] w = new double[numClasses];
        double sum = 0;
        int present = 0;
        for (int c = 0; c < numClasses; c++) {
            if (counts[c] > 0) {
                w[c] = 1.0 / counts[c];
                sum += w[c];
                present++;
            }
        }
        for (int c = 0; c < numClasses; c++) {
            w[c] = counts[c] > 0 ? w[c] * present / sum : 1.0;
        }
        return w;
    }
}
