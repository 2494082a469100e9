package org.mriworkbench.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.core.ArgMax;
import org.mriworkbench.model.InferencePass;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Runs a network in inference mode over a {@link TensorDataset} in minibatches. Losses are computed here in double
 * precision from the softmax outputs, unweighted and without the L2 term, so validation losses are comparable
 * across imbalance strategies and weight-decay settings (DL4J's {@code score} would include both).
 */
public final class NetworkEvaluator {

    /** Probabilities are clipped to [EPS, 1] before the log, as in {@code eval.ScoringRules}. */
    static final double EPS = 1e-15;

    /**
     * System property; {@code false} runs the test-time-flip pass as a second minibatch rather than in one
     * minibatch with the originals, for comparisons.
     */
    static final String JOINT_FLIP_PROPERTY = "mri.jointFlip";

    /**
     * Largest joint minibatch (pixels of originals and mirrors together) run as one pass. Measured on the 2-core
     * machine, {@code classic}, batch 64, flip-averaged validation of 1,055 images, CPU time against two
     * {@code output} calls per minibatch: one joint pass cost 0.78-0.88x at 64 px (2 x 64 images of 64 x 64 = this
     * limit) but 1.03x at 128 px (two {@code InferencePass} calls: 0.98-0.99x), so larger minibatches take two passes.
     */
    static final long JOINT_FLIP_MAX_PIXELS = 2L * 64 * 64 * 64;

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
     * predictions and {@code predict} agree. Forward passes go through {@link InferencePass} (bit for bit
     * {@code net.output(x, false)}); small minibatches run originals and mirrors as one minibatch, which agrees with
     * two passes to about 1e-7 (see {@link #JOINT_FLIP_MAX_PIXELS}) and is as repeatable.
     */
    public static double[][] predict(MultiLayerNetwork net, TensorDataset data, int batchSize, boolean testTimeFlip) {
        double[][] probs = new double[data.size()][];
        boolean joint = testTimeFlip && Boolean.parseBoolean(System.getProperty(JOINT_FLIP_PROPERTY, "true"))
                && 2L * Math.min(batchSize, data.size()) * data.imageSize() <= JOINT_FLIP_MAX_PIXELS;
        for (int from = 0; from < data.size(); from += batchSize) {
            int to = Math.min(data.size(), from + batchSize);
            int n = to - from;
            INDArray x = Batcher.features(data, from, to);
            INDArray out;
            INDArray mirrored = null;
            if (joint) {
                // One pass over images and mirror images together: at small image sizes one larger minibatch costs
                // less per image.
                INDArray both = InferencePass.output(net, Nd4j.concat(0, x, Batcher.features(data, from, to, true)));
                out = both.get(NDArrayIndex.interval(0, n), NDArrayIndex.all());
                mirrored = both.get(NDArrayIndex.interval(n, 2 * n), NDArrayIndex.all());
            } else {
                out = InferencePass.output(net, x);
                mirrored = testTimeFlip ? InferencePass.output(net, Batcher.features(data, from, to, true)) : null;
            }
            float[][] o = out.toFloatMatrix();
            float[][] m = mirrored == null ? null : mirrored.toFloatMatrix();
            for (int r = 0; r < n; r++) {
                double[] row = new double[o[r].length];
                for (int c = 0; c < row.length; c++) {
                    row[c] = m == null ? o[r][c] : ((double) o[r][c] + m[r][c]) / 2;
                }
                probs[from + r] = row;
            }
        }
        InferencePass.release();
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
