package org.mriworkbench.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Gradient checks: the captured gradients must agree with finite differences of the logit, for every layer of a
 * network with and without batch norm, and with DL4J's own backprop where DL4J's is valid.
 */
class ActivationsAndGradientsTest {

    private static final double H = 1e-5;

    private static double logit(ActivationsAndGradients ag, INDArray x, int example, int cls) {
        return ag.capture(x, ActivationsAndGradients.INPUT, cls).logits().getDouble(example, cls);
    }

    /** Sum over the batch of each example's target logit. */
    private static double logitSum(ActivationsAndGradients ag, INDArray x, int[] classes) {
        INDArray logits = ag.capture(x, ActivationsAndGradients.INPUT, classes).logits();
        double s = 0;
        for (int e = 0; e < classes.length; e++) {
            s += logits.getDouble(e, classes[e]);
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void inputGradientMatchesFiniteDifferencesPixelByPixel(boolean batchNorm) {
        MultiLayerNetwork net = TinyNets.build(batchNorm, 11);
        ActivationsAndGradients ag = new ActivationsAndGradients(net);
        INDArray x = TinyNets.images(2, 5);
        int[] classes = {0, 2};
        INDArray g = ag.capture(x, ActivationsAndGradients.INPUT, classes).gradients();
        assertArrayEquals(x.shape(), g.shape());

        Random pick = new Random(3);
        double maxAbs = Math.abs(g.maxNumber().doubleValue()) + Math.abs(g.minNumber().doubleValue());
        for (int trial = 0; trial < 16; trial++) {
            int e = trial % 2;
            int row = pick.nextInt(TinyNets.SIZE);
            int col = pick.nextInt(TinyNets.SIZE);
            INDArray plus = x.dup();
            INDArray minus = x.dup();
            plus.putScalar(new long[] {e, 0, row, col}, x.getDouble(e, 0, row, col) + H);
            minus.putScalar(new long[] {e, 0, row, col}, x.getDouble(e, 0, row, col) - H);
            double fd = (logit(ag, plus, e, classes[e]) - logit(ag, minus, e, classes[e])) / (2 * H);
            double analytic = g.getDouble(e, 0, row, col);
            assertEquals(fd, analytic, 1e-5 * maxAbs + 1e-6 * Math.abs(fd),
                    "example " + e + " pixel (" + col + ", " + row + ")");
        }
    }

    /**
     * Chain-rule check at every hidden layer: for a random input direction v, the change of the logits equals the
     * captured gradient dotted with the change of the layer's activations. A batch of two with different classes,
     * so that any coupling between examples (training-mode batch norm) would show.
     */
    @ParameterizedTest
    @ValueSource(strings = {"plain", "batch-norm", "global-pooling"})
    void layerGradientsSatisfyTheChainRuleAtEveryLayer(String kind) {
        MultiLayerNetwork net = kind.equals("global-pooling") ? TinyNets.buildGlobalPooling(12)
                : TinyNets.build(kind.equals("batch-norm"), 12);
        ActivationsAndGradients ag = new ActivationsAndGradients(net);
        INDArray x = TinyNets.images(2, 6);
        Nd4j.getRandom().setSeed(7);
        INDArray v = Nd4j.randn(DataType.DOUBLE, x.shape());
        int[] cls = {1, 2};
        double dz = (logitSum(ag, x.add(v.mul(H)), cls) - logitSum(ag, x.sub(v.mul(H)), cls)) / (2 * H);
        for (int layer = ActivationsAndGradients.INPUT; layer < ag.numLayers() - 1; layer++) {
            INDArray g = ag.capture(x, layer, cls).gradients();
            INDArray dA = ag.capture(x.add(v.mul(H)), layer, cls).activations()
                    .sub(ag.capture(x.sub(v.mul(H)), layer, cls).activations()).divi(2 * H);
            double chained = g.mul(dA).sumNumber().doubleValue();
            assertEquals(dz, chained, 1e-5 * Math.max(1, Math.abs(dz)), "layer " + layer + " of "
                    + net.getLayerNames());
        }
    }

    @Test
    void batchNormReallyDiffersFromIdentityInTheCheckedNetwork() {
        MultiLayerNetwork net = TinyNets.build(true, 11);
        var params = TinyNets.batchNormParams(net);
        INDArray mean = params.get("mean");
        assertTrue(mean != null && mean.amaxNumber().doubleValue() > 0.05, "running mean still ~0: " + params);
    }

    @Test
    void probabilitiesEqualNetworkOutputAndBatchingChangesNothing() {
        MultiLayerNetwork net = TinyNets.build(true, 13);
        ActivationsAndGradients ag = new ActivationsAndGradients(net);
        INDArray x = TinyNets.images(3, 8);
        ActivationsAndGradients.Capture all = ag.capture(x, 3, new int[] {0, 1, 2});
        assertTrue(all.probabilities().equalsWithEps(net.output(x, false), 1e-9));
        for (int i = 0; i < 3; i++) {
            INDArray one = x.get(NDArrayIndex.interval(i, i + 1));
            ActivationsAndGradients.Capture single = ag.capture(one, 3, i);
            assertTrue(single.gradients().equalsWithEps(all.gradients().get(NDArrayIndex.interval(i, i + 1)), 1e-12),
                    "example " + i + " depends on the rest of its batch");
        }
    }

    /**
     * DL4J's own backprop is valid without batch norm (training and inference are then the same function). Its
     * input gradient of the cross-entropy loss is sum_c (p_c - y_c) dz_c/dx, which the captures must reproduce.
     */
    @Test
    void agreesWithDl4jLossGradientWithoutBatchNorm() {
        MultiLayerNetwork net = TinyNets.build(false, 14);
        ActivationsAndGradients ag = new ActivationsAndGradients(net);
        INDArray x = TinyNets.images(1, 9);
        INDArray y = Nd4j.create(new double[][] {{0, 1, 0}});
        Pair<Gradient, INDArray> dl4j = net.calculateGradients(x, y, null, null);
        INDArray p = net.output(x, false);
        INDArray expected = Nd4j.zeros(DataType.DOUBLE, x.shape());
        for (int c = 0; c < TinyNets.CLASSES; c++) {
            double weight = p.getDouble(0, c) - y.getDouble(0, c);
            expected.addi(ag.capture(x, ActivationsAndGradients.INPUT, c).gradients().mul(weight));
        }
        assertTrue(expected.equalsWithEps(dl4j.getSecond(), 1e-9), "DL4J " + dl4j.getSecond() + " vs " + expected);
    }

    @Test
    void refusesWhatItCannotDifferentiateAndBadArguments() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(3).dropOut(0.5).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork dropoutNet = new MultiLayerNetwork(conf);
        dropoutNet.init();
        assertThrows(IllegalArgumentException.class, () -> new ActivationsAndGradients(dropoutNet));

        MultiLayerConfiguration sigmoidConf = new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(3).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(3).nOut(2)
                        .activation(Activation.SIGMOID).build())
                .build();
        MultiLayerNetwork sigmoidNet = new MultiLayerNetwork(sigmoidConf);
        sigmoidNet.init();
        assertThrows(IllegalArgumentException.class, () -> new ActivationsAndGradients(sigmoidNet));

        ActivationsAndGradients ag = new ActivationsAndGradients(TinyNets.build(false, 1));
        INDArray x = TinyNets.images(1, 1);
        assertThrows(IllegalArgumentException.class, () -> ag.capture(x, ag.numLayers() - 1, 0));
        assertThrows(IllegalArgumentException.class, () -> ag.capture(x, 0, TinyNets.CLASSES));
        assertThrows(IllegalArgumentException.class, () -> ag.capture(x, 0, new int[] {0, 1}));
    }
}
