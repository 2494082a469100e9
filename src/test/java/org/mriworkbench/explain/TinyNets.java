package org.mriworkbench.explain;

import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.model.CnnSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small untrained networks for gradient checks: seconds to build, big enough to have every layer kind. */
final class TinyNets {

    static final int SIZE = 12;
    static final int CLASSES = 3;

    private TinyNets() {
    }

    /**
     * A two-block CNN (conv, [bn, relu], pool) x 2, dense 8, softmax 3, in DOUBLE so finite differences are
     * precise. With batch norm, a few training steps on shifted, scaled inputs move the running mean and
     * variance and gamma/beta away from the identity, so the batch-norm gradient is really exercised.
     */
    static MultiLayerNetwork build(boolean batchNorm, long seed) {
        CnnSpec spec = CnnSpec.builder().setInputSize(SIZE).setBlockFilters(3, 4).setNumClasses(CLASSES)
                .setSeed(seed).optBatchNorm(batchNorm).optDenseWidth(8).build();
        MultiLayerNetwork net = spec.build(new Sgd(0.05), 0).convertDataType(DataType.DOUBLE);
        if (batchNorm) {
            Nd4j.getRandom().setSeed(seed);
            for (int step = 0; step < 8; step++) {
                INDArray x = Nd4j.rand(DataType.DOUBLE, 8, 1, SIZE, SIZE).muli(3).addi(0.5);
                INDArray y = Nd4j.zeros(DataType.DOUBLE, 8, CLASSES);
                for (int i = 0; i < 8; i++) {
                    y.putScalar(i, i % CLASSES, 1.0);
                }
                net.fit(new DataSet(x, y));
            }
        }
        return net;
    }

    /** A tiny {@link #globalMaxPooling} network in DOUBLE with {@link #CLASSES} outputs, for gradient checks. */
    static MultiLayerNetwork buildGlobalPooling(long seed) {
        return globalMaxPooling(SIZE, CLASSES, new int[] {3, 4}, new Sgd(0.05), seed).convertDataType(DataType.DOUBLE);
    }

    /**
     * conv3x3+ReLU blocks with 2x2 max pooling between them, then global max pooling and a softmax output: a
     * position-invariant "is there a blob anywhere" detector. It learns phantom tumours from a few hundred images
     * much faster than a flatten+dense head, which must learn every position separately. The target layer for
     * Grad-CAM is the last conv ({@code conv<n>}).
     */
    static MultiLayerNetwork globalMaxPooling(int size, int classes, int[] filters, IUpdater updater, long seed) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.FLOAT).updater(updater).weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same).list();
        for (int k = 0; k < filters.length; k++) {
            list.layer(new ConvolutionLayer.Builder(3, 3).nOut(filters[k]).activation(Activation.RELU)
                    .name("conv" + (k + 1)).build());
            if (k < filters.length - 1) {
                list.layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .name("pool" + (k + 1)).build());
            }
        }
        list.layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).name("global").build());
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).name("output").build());
        list.setInputType(InputType.convolutional(size, size, 1));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    /** Parameter table entries of the first batch-norm layer, to assert the test really moved them. */
    static Map<String, INDArray> batchNormParams(MultiLayerNetwork net) {
        return net.getLayer("bn1").paramTable();
    }

    /** Seeded random images {@code [n, 1, SIZE, SIZE]} in [0, 1). */
    static INDArray images(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.DOUBLE, n, 1, SIZE, SIZE);
    }
}
