package org.mriworkbench.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
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
        double[][] probs = new double[data.size()][];
        for (int from = 0; from < data.size(); from += batchSize) {
            int to = Math.min(data.size(), from + batchSize);
            INDArray out = net.output(Batcher.features(data, from, to), false);
            for (int r = 0; r < to - from; r++) {
                probs[from + r] = out.getRow(r).toDoubleVector();
            }
        }
        return probs;
    }

    /** Unweighted mean cross-entropy and arg-max accuracy of {@code net} on {@code data}. */
    public static LossAccuracy evaluate(MultiLayerNetwork net, TensorDataset data, int batchSize) {
        if (data.size() == 0) {
            return new LossAccuracy(Double.NaN, Double.NaN);
        }
        double[][] p = predict(net, data, batchSize);
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            int y = data.label(i);
            loss -= Math.log(Math.max(EPS, p[i][y]));
            correct += argMax(p[i]) == y ? 1 : 0;
        }
        return new LossAccuracy(loss / p.length, correct / (double) p.length);
    }

    /** Index of the largest entry; the first on ties. */
    static int argMax(double[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
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
