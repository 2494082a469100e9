package org.mriworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.AlgoMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdDataAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdFilterAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.FwdAlgo;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * {@link NoRecomputeConvHelper} must skip exactly one thing, the forward recomputation inside a conv layer's
 * backward pass, and leave every number as DL4J's oneDNN helper computes it.
 */
class NoRecomputeConvHelperTest {

    private static final int[] CONV2_TO_4 = {4, 8, 12}; // conv, bn, relu, pool per block

    private static MultiLayerNetwork build(CnnSpec spec, String property, String value) {
        String old = System.getProperty(property);
        System.setProperty(property, value);
        try {
            return spec.build(new Adam(1e-3), 0);
        } finally {
            if (old == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, old);
            }
        }
    }

    private static Field helperField() throws ReflectiveOperationException {
        Field f = ConvolutionLayer.class.getDeclaredField("helper");
        f.setAccessible(true);
        return f;
    }

    @Test
    void wrapsIdentityActivationConvLayersOnly() {
        MultiLayerNetwork fast = CnnPresets.classic(32, 2, 5).build(new Adam(1e-3), 0);
        for (int i : CONV2_TO_4) {
            assertInstanceOf(NoRecomputeConvHelper.class, fast.getLayers()[i].getHelper(), "layer " + i);
        }
        // The first layer computes its forward pass itself and asks the wrapper whether a call is the recomputation.
        InputConvHelper first = assertInstanceOf(InputConvHelper.class, fast.getLayers()[0].getHelper());
        assertInstanceOf(NoRecomputeConvHelper.class, first.delegate());
        // Without batch norm the conv layers apply ReLU themselves: their backward pass needs z, nothing is wrapped.
        for (Layer l : CnnPresets.seedBaseline(32, 2, 5).build(new Adam(1e-3), 0).getLayers()) {
            assertFalse(l.getHelper() instanceof NoRecomputeConvHelper, l.conf().getLayer().getLayerName());
        }
        MultiLayerNetwork off = build(CnnPresets.classic(32, 2, 5), NoRecomputeConvHelper.PROPERTY, "false");
        for (int i : CONV2_TO_4) {
            assertFalse(off.getLayers()[i].getHelper() instanceof NoRecomputeConvHelper, "layer " + i);
        }
    }

    @Test
    void backwardSkipsTheForwardRecomputationAndGivesIdenticalGradients() throws Exception {
        MultiLayerNetwork net = CnnPresets.classic(32, 2, 5).build(new Adam(1e-3), 0);
        net.initGradientsView();
        Field helper = helperField();
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 1, 32, 32).muli(2).subi(0.5);
        List<INDArray> acts = net.feedForward(x, true);
        for (int i : CONV2_TO_4) {
            Layer layer = net.getLayers()[i];
            ConvolutionHelper raw = ((NoRecomputeConvHelper) layer.getHelper()).delegate();
            Counting counting = new Counting(raw);
            helper.set(layer, new NoRecomputeConvHelper(counting));
            INDArray z = layer.activate(acts.get(i).dup(), true, mgr).dup();
            assertEquals(1, counting.forwardCalls, "the training forward pass runs the convolution");
            INDArray eps = Nd4j.randn(DataType.FLOAT, z.shape());
            Pair<Gradient, INDArray> mine = layer.backpropGradient(eps.dup(), mgr);
            INDArray w = mine.getFirst().getGradientFor("W").dup();
            INDArray dx = mine.getSecond().dup();
            assertEquals(1, counting.forwardCalls, "backward must not recompute the forward pass");
            assertEquals(1, counting.backwardCalls);

            helper.set(layer, raw); // DL4J's own oneDNN path, recomputation included
            layer.activate(acts.get(i).dup(), true, mgr);
            Pair<Gradient, INDArray> theirs = layer.backpropGradient(eps.dup(), mgr);
            assertEquals(0.0, theirs.getFirst().getGradientFor("W").sub(w).amaxNumber().doubleValue(), 0.0,
                    "weight gradient, layer " + i);
            assertEquals(0.0, theirs.getSecond().sub(dx).amaxNumber().doubleValue(), 0.0, "input gradient, layer " + i);
            assertTrue(dx.amaxNumber().doubleValue() > 0);
            assertEquals(z, layer.activate(acts.get(i).dup(), false, mgr).dup(), "forward pass, layer " + i);
        }
    }

    @Test
    void trainingIsBitForBitThatOfDl4jsOneDnnPath() {
        CnnSpec spec = CnnPresets.classic(32, 2, 9);
        MultiLayerNetwork ref = build(spec, NoRecomputeConvHelper.PROPERTY, "false");
        MultiLayerNetwork fast = build(spec, NoRecomputeConvHelper.PROPERTY, "true");
        assertInstanceOf(NoRecomputeConvHelper.class, fast.getLayers()[4].getHelper());
        assertFalse(ref.getLayers()[4].getHelper() instanceof NoRecomputeConvHelper);
        Nd4j.getRandom().setSeed(21);
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 1, 32, 32);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 2);
        for (int i = 0; i < 8; i++) {
            y.putScalar(i, i % 2, 1f);
        }
        org.nd4j.linalg.dataset.DataSet ds = new org.nd4j.linalg.dataset.DataSet(x, y);
        for (int step = 0; step < 3; step++) {
            Nd4j.getRandom().setSeed(200 + step); // same dropout masks
            ref.fit(ds);
            Nd4j.getRandom().setSeed(200 + step);
            fast.fit(ds);
            assertEquals(ref.score(), fast.score(), 0.0, "step " + step);
        }
        // Exact: INDArray.equals would allow a relative 1e-5.
        assertEquals(0.0, ref.params().sub(fast.params()).amaxNumber().doubleValue(), 0.0,
                "the skipped recomputation must not change a single bit");
    }

    /** Counts the calls that reach oneDNN. */
    private static final class Counting implements ConvolutionHelper {
        private final ConvolutionHelper d;
        int forwardCalls;
        int backwardCalls;

        Counting(ConvolutionHelper d) {
            this.d = d;
        }

        @Override
        public boolean checkSupported() {
            return d.checkSupported();
        }

        @Override
        public Map<String, Long> helperMemoryUse() {
            return d.helperMemoryUse();
        }

        @Override
        public INDArray preOutput(INDArray input, INDArray weights, INDArray bias, int[] kernel, int[] strides,
                                  int[] pad, AlgoMode mode, FwdAlgo fwdAlgo, ConvolutionMode convolutionMode,
                                  int[] dilation, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
            forwardCalls++;
            return d.preOutput(input, weights, bias, kernel, strides, pad, mode, fwdAlgo, convolutionMode, dilation,
                    format, workspaceMgr);
        }

        @Override
        public INDArray activate(INDArray z, IActivation afn, boolean training) {
            return d.activate(z, afn, training);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray weights, INDArray bias,
                                                         INDArray delta, int[] kernel, int[] strides, int[] pad,
                                                         INDArray biasGradView, INDArray weightGradView,
                                                         IActivation afn, AlgoMode mode, BwdFilterAlgo bwdFilterAlgo,
                                                         BwdDataAlgo bwdDataAlgo, ConvolutionMode convolutionMode,
                                                         int[] dilation, CNN2DFormat format,
                                                         LayerWorkspaceMgr workspaceMgr) {
            backwardCalls++;
            return d.backpropGradient(input, weights, bias, delta, kernel, strides, pad, biasGradView,
                    weightGradView, afn, mode, bwdFilterAlgo, bwdDataAlgo, convolutionMode, dilation, format,
                    workspaceMgr);
        }
    }
}
