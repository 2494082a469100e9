package org.mriworkbench.model;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/** Translates a {@link CnnSpec} into a DL4J configuration; the only place in this package that knows DL4J layers. */
final class CnnNetworks {

    private CnnNetworks() {
    }

    static MultiLayerConfiguration configuration(CnnSpec spec, IUpdater updater, double l2) {
        OneDnnLayers.enable(); // before any layer of this configuration is instantiated
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(WeightInit.RELU) // He et al. 2015, suited to ReLU layers
                .convolutionMode(ConvolutionMode.Same);
        if (l2 > 0) {
            base.l2(l2);
        }
        NeuralNetConfiguration.ListBuilder list = base.list();
        int k = 1;
        for (int filters : spec.blockFilters()) {
            // With batch norm right after, a conv bias is redundant: BN's beta does the same job.
            list.layer(new ConvolutionLayer.Builder(3, 3).stride(1, 1).nOut(filters).hasBias(!spec.batchNorm())
                    .activation(spec.batchNorm() ? Activation.IDENTITY : Activation.RELU).name("conv" + k).build());
            if (spec.batchNorm()) {
                list.layer(new BatchNormalization.Builder().name("bn" + k).build());
                list.layer(new ActivationLayer.Builder().activation(Activation.RELU).name("relu" + k).build());
            }
            list.layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                    .convolutionMode(ConvolutionMode.Truncate).name("pool" + k).build());
            k++;
        }
        if (spec.head() != CnnSpec.Head.FLATTEN) {
            PoolingType type = spec.head() == CnnSpec.Head.GLOBAL_MAX ? PoolingType.MAX : PoolingType.AVG;
            list.layer(new GlobalPoolingLayer.Builder(type).name("global-pool").build());
        }
        list.layer(new DenseLayer.Builder().nOut(spec.denseWidth()).activation(Activation.RELU).name("dense").build());
        LossMCXENT loss = spec.classWeights().isEmpty() ? new LossMCXENT() : new LossMCXENT(weights(spec));
        OutputLayer.Builder out = new OutputLayer.Builder(loss).nOut(spec.numClasses()).activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER).name("output");
        if (spec.dropout() > 0) {
            // DL4J's Dropout takes the probability to RETAIN an activation, the opposite of Keras and PyTorch.
            out.dropOut(new Dropout(1.0 - spec.dropout()));
        }
        list.layer(out.build());
        list.setInputType(InputType.convolutional(spec.inputHeight(), spec.inputWidth(), spec.channels()));
        return list.build();
    }

    private static org.nd4j.linalg.api.ndarray.INDArray weights(CnnSpec spec) {
        float[] w = new float[spec.numClasses()];
        for (int i = 0; i < w.length; i++) {
            w[i] = spec.classWeights().get(i).floatValue();
        }
        return Nd4j.create(w, new long[] {1, w.length}, DataType.FLOAT);
    }
}
