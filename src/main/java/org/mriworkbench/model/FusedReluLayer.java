package org.mriworkbench.model;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.ActivationLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stands in for a ReLU {@code ActivationLayer} that directly follows a batch-norm layer whose
 * {@link RowBatchNormHelper} already applies ReLU: the forward pass hands its input on, and the backward pass lets
 * that helper apply ReLU's derivative while it copies the gradient into this layer's workspace and takes batch
 * norm's gradient sums in the same pass ({@link RowBatchNormHelper#reluBackward}).
 *
 * <p>Why: DL4J's activation layer copies its input, applies ReLU, and in backprop copies again and runs a per-element
 * lambda; on {@code classic} that was about a sixth of a training step. Only the layer <em>object</em> is replaced;
 * the configuration, and so every saved model, still says "batch norm, then ReLU", and a network built from it
 * without {@link LayerHelpers} computes the same function.
 */
final class FusedReluLayer extends ActivationLayer {

    private final BatchNormalization batchNorm;

    /**
     * @param batchNorm the batch-norm layer before this one, whose {@link RowBatchNormHelper} applies the ReLU (and,
     *                  when not null, also this layer's backward step)
     */
    FusedReluLayer(NeuralNetConfiguration conf, org.nd4j.linalg.api.buffer.DataType dataType,
                   BatchNormalization batchNorm) {
        super(conf, dataType);
        this.batchNorm = batchNorm;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, input);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray fused = batchNorm != null && batchNorm.getHelper() instanceof RowBatchNormHelper h
                ? h.reluBackward(epsilon, batchNorm.getInput(), workspaceMgr) : null;
        return new Pair<>(new DefaultGradient(),
                fused != null ? fused : workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, epsilon));
    }
}
