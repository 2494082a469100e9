package org.mriworkbench.train;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.imbalance.EpochPlan;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * Keeps the loss's class weights equal to the epoch plan's. DL4J fixes the weights in the loss function when the
 * network is built, so the trainer builds the network with the first plan's weights and this class writes a later
 * plan's weights into the same array in place (the array is part of the configuration that checkpoints save).
 */
final class ClassWeightsSync {

    private ClassWeightsSync() {
    }

    static void apply(MultiLayerNetwork net, EpochPlan plan) {
        INDArray current = weights(net);
        double[] wanted = plan.classWeights().orElse(null);
        if (wanted == null && current == null) {
            return;
        }
        if (wanted == null || current == null) {
            throw new IllegalStateException("the network was built " + (current == null ? "without" : "with")
                    + " class weights but this epoch's plan has " + (wanted == null ? "none" : "some")
                    + "; an imbalance strategy must weight every epoch or none");
        }
        if (!Arrays.equals(current.toDoubleVector(), wanted)) {
            for (int c = 0; c < wanted.length; c++) {
                current.putScalar(0, c, wanted[c]);
            }
        }
    }

    private static INDArray weights(MultiLayerNetwork net) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        Object layer = conf.getConf(conf.getConfs().size() - 1).getLayer();
        if (!(layer instanceof BaseOutputLayer out)) {
            return null;
        }
        ILossFunction loss = out.getLossFn();
        return loss instanceof LossMCXENT m ? m.getWeights() : null;
    }
}
