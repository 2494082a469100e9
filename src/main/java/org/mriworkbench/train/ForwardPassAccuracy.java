package org.mriworkbench.train;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Counts correct training predictions from the forward pass DL4J already does inside {@code fit}, instead of a second
 * forward pass per minibatch (which cost about a tenth of training time).
 *
 * <p>DL4J hands training listeners the activations up to the input of the output layer; the class scores are then one
 * small matrix product away. The count is taken before the minibatch's update and in training mode (batch-norm batch
 * statistics, no dropout at the output), which is what "training accuracy" means in Keras and PyTorch loops too.
 * Falls back to nothing (and the loop to an explicit forward pass) when the last layer has no plain weight matrix.
 */
final class ForwardPassAccuracy extends BaseTrainingListener {

    private INDArray labels;
    private int correct = -1;

    /** Arms the listener for the next {@code fit} on a minibatch with these one-hot labels. */
    void expect(INDArray oneHotLabels) {
        this.labels = oneHotLabels;
        this.correct = -1;
    }

    /** Correct predictions in the last armed minibatch, or -1 when the forward pass was not seen. */
    int correct() {
        return correct;
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        if (labels == null || !(model instanceof MultiLayerNetwork net) || activations.isEmpty()) {
            return;
        }
        Layer out = net.getOutputLayer();
        INDArray w = out.getParam("W");
        INDArray b = out.getParam("b");
        INDArray hidden = activations.get(activations.size() - 1);
        if (w == null || b == null || hidden.rank() != 2 || hidden.size(1) != w.size(0)) {
            return;
        }
        // Softmax is monotone: the arg-max of the logits is the arg-max of the probabilities.
        INDArray logits = hidden.mmul(w).addiRowVector(b);
        correct = NetworkEvaluator.correct(logits, labels);
        labels = null;
    }
}
