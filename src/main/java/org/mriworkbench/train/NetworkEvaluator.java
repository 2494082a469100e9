package org.mriworkbench.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.core.ArgMax;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs a network in inference mode over a {@link TensorDataset} in minibatches. Losses are computed here in double
 * precision from the softmax outputs, unweighted and without the L2 term, so validation losses are comparable
 * across imbalance strategies and weight-decay settings (DL4J's {@code score} would include both).
 */
public final class NetworkEvaluator {

    /** Probabilities are clipped to [EPS, 1] before the log, as in {@code eval.ScoringRules}. */
    static final double EPS = 1e-15;

    private NetworkEvaluator() {
    }

    /** Mean cross-entropy and accuracy; both NaN for an empty set. */
    public record LossAccuracy(double loss, double accuracy) {
    }

    /** Class probabilities, one row per image in data-set order. */
    public static double[][] predict(MultiLayerNetwork net, TensorDataset data, int batchSize) {
        return predict(net, data, batchSize, false);
    }

    /**
     * Class probabilities, one row per image in data-set order; with {@code testTimeFlip} each row is the mean of
     * the softmax of the image and of its left-right mirror image. The mirror is as plausible a slice as the original
     * (it is a training augmentation), so averaging the two cancels part of the model's left-right noise at the cost
     * of a second forward pass. Every place that predicts for a run goes through here, so validation, test
     * predictions and {@code predict} agree.
     */
    public static double[][] predict(MultiLayerNetwork net, TensorDataset data, int batchSize, boolean testTimeFlip) {
        double[][] probs = new double[data.size()][];
        for (int from = 0; from < data.size(); from += batchSize) {
            int to = Math.min(data.size(), from + batchSize);
            INDArray out = net.output(Batcher.features(data, from, to), false);
            INDArray mirrored = testTimeFlip ? net.output(Batcher.features(data, from, to, true), false) : null;
            for (int r = 0; r < to - from; r++) {
                double[] row = out.getRow(r).toDoubleVector();
                if (mirrored != null) {
                    double[] m = mirrored.getRow(r).toDoubleVector();
                    for (int c = 0; c < row.length; c++) {
                        row[c] = (row[c] + m[c]) / 2;
                    }
                }
                probs[from + r] = row;
            }
        }
        return probs;
    }

    /** Unweighted mean cross-entropy and arg-max accuracy of {@code net} on {@code data}. */
    public static LossAccuracy evaluate(MultiLayerNetwork net, TensorDataset data, int batchSize) {
        return evaluate(net, data, batchSize, false);
    }

    /** As {@link #evaluate(MultiLayerNetwork, TensorDataset, int)}, on flip-averaged probabilities when asked. */
    public static LossAccuracy evaluate(MultiLayerNetwork net, TensorDataset data, int batchSize,
                                        boolean testTimeFlip) {
        if (data.size() == 0) {
            return new LossAccuracy(Double.NaN, Double.NaN);
        }
        double[][] p = predict(net, data, batchSize, testTimeFlip);
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            int y = data.label(i);
            loss -= Math.log(Math.max(EPS, p[i][y]));
            correct += ArgMax.of(p[i]) == y ? 1 : 0;
        }
        return new LossAccuracy(loss / p.length, correct / (double) p.length);
    }

    /** Correct arg-max predictions in a one-hot-labelled minibatch output. */
    static int correct(INDArray probs, INDArray oneHot) {
        INDArray pred = probs.argMax(1);
        INDArray truth = oneHot.argMax(1);
        int c = 0;
        for (int r = 0; r < pred.length(); r++) {
            c += pred.getInt(r) == truth.getInt(r) ? 1 : 0;
        }
        return c;
    }
}
