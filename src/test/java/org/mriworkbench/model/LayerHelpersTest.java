package org.mriworkbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.function.Supplier;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The faster layer helpers must compute what DL4J's own helpers compute: same losses, same parameters after several
 * Adam steps, same inference outputs, and plain DL4J models on disk.
 */
class LayerHelpersTest {

    private static MultiLayerNetwork build(CnnSpec spec, boolean fast) {
        String old = System.getProperty(LayerHelpers.PROPERTY);
        System.setProperty(LayerHelpers.PROPERTY, String.valueOf(fast));
        try {
            return spec.build(new Adam(1e-3), 0);
        } finally {
            if (old == null) {
                System.clearProperty(LayerHelpers.PROPERTY);
            } else {
                System.setProperty(LayerHelpers.PROPERTY, old);
            }
        }
    }

    private static DataSet batch(int n, int size, int classes, long seed) {
        Nd4j.getRandom().setSeed(seed);
        // Off-centre, scaled inputs so that batch statistics are far from (0, 1) and errors in them would show.
        INDArray x = Nd4j.rand(DataType.FLOAT, n, 1, size, size).muli(3).addi(0.5);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, classes);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, (i * 7 + 3) % classes, 1f);
        }
        return new DataSet(x, y);
    }

    @Test
    void classicInstallsTheHelpersAndFusesEachReluAfterBatchNorm() {
        MultiLayerNetwork fast = build(CnnPresets.classic(32, 2, 1), true);
        assertTrue(LayerHelpers.installed(fast));
        long fused = java.util.Arrays.stream(fast.getLayers()).filter(l -> l instanceof FusedReluLayer).count();
        assertEquals(4, fused, "one fused ReLU per conv block");
        long pools = java.util.Arrays.stream(fast.getLayers()).filter(l -> l instanceof MaxPool2x2Layer).count();
        assertEquals(4, pools, "every 2x2 max pooling replaced");
        assertFalse(LayerHelpers.installed(build(CnnPresets.classic(32, 2, 1), false)));
    }

    @Test
    void trainingMatchesDl4jsOwnHelpersStepForStep() {
        for (int classes : new int[] {2, 4}) {
            CnnSpec spec = CnnPresets.classic(64, classes, 7);
            MultiLayerNetwork ref = build(spec, false);
            MultiLayerNetwork fast = build(spec, true);
            assertEquals(ref.params(), fast.params());
            DataSet ds = batch(16, 64, classes, 1);
            assertTrue(ref.output(ds.getFeatures(), false).sub(fast.output(ds.getFeatures(), false)).amaxNumber()
                    .doubleValue() < 1e-5, "inference outputs differ before training");
            // One step's gradient, before any update: must agree to float rounding.
            for (MultiLayerNetwork n : new MultiLayerNetwork[] {ref, fast}) {
                n.setInput(ds.getFeatures());
                n.setLabels(ds.getLabels());
                Nd4j.getRandom().setSeed(99);
                n.computeGradientAndScore();
            }
            INDArray g0 = ref.gradient().gradient();
            INDArray g1 = fast.gradient().gradient();
            // Relative L2 distance, not the largest entry: max pooling is discontinuous, and forward values that
            // differ in the last bit occasionally pick the other of two near-equal maxima (which DL4J's own two
            // backends, bit-identical in their forward pass, never do). That moves single entries; a real error
            // in batch norm moves all of them.
            double rel = g0.sub(g1).norm2Number().doubleValue() / g0.norm2Number().doubleValue();
            assertTrue(rel < 1e-2, "gradients differ, relative L2 " + rel);
            assertEquals(ref.score(), fast.score(), 1e-5 * Math.max(1, Math.abs(ref.score())));
            // Then several Adam steps: the trajectories stay together.
            for (int step = 0; step < 5; step++) {
                Nd4j.getRandom().setSeed(100 + step); // same dropout masks
                ref.fit(ds);
                Nd4j.getRandom().setSeed(100 + step);
                fast.fit(ds);
                assertEquals(ref.score(), fast.score(), 1e-2 * Math.max(1, Math.abs(ref.score())), "step " + step);
            }
            for (Map.Entry<String, INDArray> e : ref.paramTable().entrySet()) {
                INDArray diff = e.getValue().sub(fast.paramTable().get(e.getKey()));
                // Adam's steps are at most about the learning rate (1e-3) each, whatever the gradient's size.
                assertTrue(diff.amaxNumber().doubleValue() < 5e-3, e.getKey() + " differs by " + diff.amaxNumber());
            }
            INDArray x = ds.getFeatures();
            INDArray expected = ref.output(x, false);
            INDArray actual = fast.output(x, false);
            assertTrue(expected.sub(actual).amaxNumber().doubleValue() < 2e-2, "inference outputs drifted apart");
        }
    }

    @Test
    void batchNormHelperMatchesDl4jsOneDnnHelperExactlyEnough() {
        int n = 8;
        int c = 12;
        int h = 20;
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, n, c, h, h).muli(2).addi(0.3);
        INDArray dy = Nd4j.randn(DataType.FLOAT, n, c, h, h);
        INDArray gamma = Nd4j.rand(DataType.FLOAT, 1, c).addi(0.5);
        INDArray beta = Nd4j.randn(DataType.FLOAT, 1, c);
        INDArray mean = Nd4j.randn(DataType.FLOAT, 1, c);
        INDArray var = Nd4j.rand(DataType.FLOAT, 1, c).addi(0.5);
        org.deeplearning4j.nn.workspace.LayerWorkspaceMgr mgr =
                org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces();
        org.deeplearning4j.nn.conf.CNN2DFormat nchw = org.deeplearning4j.nn.conf.CNN2DFormat.NCHW;
        var ref = new org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper(DataType.FLOAT);
        RowBatchNormHelper row = new RowBatchNormHelper(false);
        for (boolean training : new boolean[] {false, true}) {
            INDArray a = ref.preOutput(x, training, x.shape(), gamma, beta, mean, var, 0.9, 1e-5, nchw, mgr);
            INDArray b = row.preOutput(x, training, x.shape(), gamma, beta, mean, var, 0.9, 1e-5, nchw, mgr);
            assertTrue(a.sub(b).amaxNumber().doubleValue() < 1e-5, "forward, training=" + training);
        }
        assertTrue(ref.getMeanCache(DataType.FLOAT).sub(row.getMeanCache(DataType.FLOAT)).amaxNumber()
                .doubleValue() < 1e-5);
        assertTrue(ref.getVarCache(DataType.FLOAT).sub(row.getVarCache(DataType.FLOAT)).amaxNumber()
                .doubleValue() < 1e-4);
        INDArray dg1 = Nd4j.zeros(DataType.FLOAT, 1, c);
        INDArray db1 = Nd4j.zeros(DataType.FLOAT, 1, c);
        INDArray dg2 = Nd4j.zeros(DataType.FLOAT, 1, c);
        INDArray db2 = Nd4j.zeros(DataType.FLOAT, 1, c);
        INDArray dx1 = ref.backpropGradient(x, dy, x.shape(), gamma, beta, dg1, db1, 1e-5, nchw, mgr).getSecond();
        INDArray dx2 = row.backpropGradient(x, dy, x.shape(), gamma, beta, dg2, db2, 1e-5, nchw, mgr).getSecond();
        assertTrue(dx1.sub(dx2).amaxNumber().doubleValue() < 1e-4 * dx1.amaxNumber().doubleValue(), "input gradient");
        assertTrue(dg1.sub(dg2).amaxNumber().doubleValue() < 1e-4 * dg1.amaxNumber().doubleValue(), "gamma gradient");
        assertTrue(db1.sub(db2).amaxNumber().doubleValue() < 1e-4 * db1.amaxNumber().doubleValue(), "beta gradient");

        // Fused with ReLU: forward is relu(bn(x)); backward is bn's backward of dy masked where that output <= 0.
        RowBatchNormHelper fused = new RowBatchNormHelper(true);
        INDArray y = row.preOutput(x, true, x.shape(), gamma, beta, mean, var, 0.9, 1e-5, nchw, mgr);
        INDArray yRelu = fused.preOutput(x, true, x.shape(), gamma, beta, mean, var, 0.9, 1e-5, nchw, mgr);
        assertEquals(org.nd4j.linalg.ops.transforms.Transforms.relu(y, true), yRelu);
        INDArray masked = dy.mul(y.gt(0).castTo(DataType.FLOAT));
        INDArray dx3 = ref.backpropGradient(x, masked, x.shape(), gamma, beta, dg1, db1, 1e-5, nchw, mgr).getSecond();
        INDArray dx4 = fused.backpropGradient(x, dy, x.shape(), gamma, beta, dg2, db2, 1e-5, nchw, mgr).getSecond();
        assertTrue(dx3.sub(dx4).amaxNumber().doubleValue() < 1e-4 * dx3.amaxNumber().doubleValue(), "fused input gradient");
        assertTrue(db1.sub(db2).amaxNumber().doubleValue() < 1e-4 * db1.amaxNumber().doubleValue(), "fused beta gradient");
    }

    @Test
    void maxPoolingMatchesDl4jsOwnLayerForwardAndBackward() {
        // Even and odd sizes (Truncate drops the last row and column), in a network-free setting: the layer object
        // alone, against DL4J's SubsamplingLayer on the same configuration. Random continuous inputs have no ties,
        // so the chosen maxima, and hence outputs and gradients, must agree exactly.
        MultiLayerNetwork fast = build(CnnPresets.classic(32, 2, 5), true);
        MultiLayerNetwork ref = build(CnnPresets.classic(32, 2, 5), false);
        int idx = 3; // conv1, bn1, relu1, pool1
        Layer mine = fast.getLayers()[idx];
        Layer theirs = ref.getLayers()[idx];
        assertInstanceOf(MaxPool2x2Layer.class, mine);
        org.deeplearning4j.nn.workspace.LayerWorkspaceMgr mgr =
                org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces();
        for (int[] hw : new int[][] {{16, 16}, {9, 7}, {2, 3}}) {
            Nd4j.getRandom().setSeed(hw[0] * 31L + hw[1]);
            INDArray x = Nd4j.randn(DataType.FLOAT, 3, 5, hw[0], hw[1]);
            INDArray expected = theirs.activate(x, true, mgr).dup();
            INDArray actual = mine.activate(x, true, mgr).dup();
            assertEquals(expected, actual, "forward " + java.util.Arrays.toString(hw));
            INDArray eps = Nd4j.randn(DataType.FLOAT, expected.shape());
            INDArray dxRef = theirs.backpropGradient(eps, mgr).getSecond().dup();
            INDArray dx = mine.backpropGradient(eps, mgr).getSecond().dup();
            assertEquals(dxRef, dx, "backward " + java.util.Arrays.toString(hw));
            assertEquals(eps.sumNumber().doubleValue(), dx.sumNumber().doubleValue(), 1e-3,
                    "each output's gradient goes to exactly one input");
        }
        // A transposed (non-contiguous) input is copied, not misread.
        INDArray t = Nd4j.randn(DataType.FLOAT, 3, 5, 8, 8).permute(0, 1, 3, 2);
        assertEquals(theirs.activate(t, false, mgr).dup(), mine.activate(t, false, mgr).dup());
    }

    @Test
    void maxPoolingSendsEachGradientToTheFirstMaximumOfTiedWindows() {
        // After ReLU many windows hold several zeros (and -0 equals +0): the gradient must go to the first maximum in
        // row-major order, as a plain compare chain decides it.
        MultiLayerNetwork fast = build(CnnPresets.classic(32, 2, 5), true);
        Layer mine = fast.getLayers()[3];
        org.deeplearning4j.nn.workspace.LayerWorkspaceMgr mgr =
                org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces();
        int n = 2, c = 3, h = 7, w = 9;
        float[] values = {0f, -0f, 1f, 1f, -2f, Float.NEGATIVE_INFINITY, 0.5f};
        java.util.Random r = new java.util.Random(4);
        float[] xs = new float[n * c * h * w];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = values[r.nextInt(values.length)];
        }
        INDArray x = Nd4j.createFromArray(xs).reshape(n, c, h, w);
        mine.activate(x, true, mgr);
        INDArray eps = Nd4j.rand(DataType.FLOAT, n, c, h / 2, w / 2).addi(1);
        INDArray dx = mine.backpropGradient(eps, mgr).getSecond().dup();
        float[] expected = new float[xs.length];
        for (int p = 0; p < n * c; p++) {
            for (int oy = 0; oy < h / 2; oy++) {
                for (int ox = 0; ox < w / 2; ox++) {
                    int best = (p * h + 2 * oy) * w + 2 * ox;
                    for (int k : new int[] {best + 1, best + w, best + w + 1}) {
                        if (xs[k] > xs[best]) {
                            best = k;
                        }
                    }
                    expected[best] = eps.getFloat((p * (h / 2) + oy) * (w / 2) + ox);
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, dx.reshape(-1).toFloatVector());
    }

    @Test
    void networksWithoutBatchNormTrainAlikeToo() {
        CnnSpec spec = CnnPresets.seedBaseline(32, 2, 3);
        MultiLayerNetwork ref = build(spec, false);
        MultiLayerNetwork fast = build(spec, true);
        DataSet ds = batch(8, 32, 2, 2);
        for (int step = 0; step < 3; step++) {
            ref.fit(ds);
            fast.fit(ds);
        }
        assertEquals(ref.score(), fast.score(), 1e-5);
        assertTrue(ref.params().sub(fast.params()).amaxNumber().doubleValue() < 1e-4);
    }

    @Test
    void savedModelsArePlainDl4jAndReloadWithTheHelpers() throws Exception {
        MultiLayerNetwork fast = build(CnnPresets.classic(32, 2, 5), true);
        fast.fit(batch(8, 32, 2, 3));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(fast, bytes, true);
        assertFalse(bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1).contains("mriworkbench"),
                "a saved model must not name workbench classes");
        MultiLayerNetwork plain = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()));
        assertFalse(LayerHelpers.installed(plain));
        INDArray x = batch(4, 32, 2, 9).getFeatures();
        INDArray expected = plain.output(x, false);
        MultiLayerNetwork reinstalled = LayerHelpers.install(plain.clone());
        assertTrue(LayerHelpers.installed(reinstalled));
        assertTrue(expected.sub(reinstalled.output(x, false)).amaxNumber().doubleValue() < 1e-5);
        assertTrue(expected.sub(fast.output(x, false)).amaxNumber().doubleValue() < 1e-5);
    }

    @Test
    void explainersGetACopyWithDl4jsOwnLayers() {
        MultiLayerNetwork fast = build(CnnPresets.classic(32, 2, 5), true);
        MultiLayerNetwork plain = LayerHelpers.withDl4jLayers(fast);
        assertNotSame(fast, plain);
        for (Layer l : plain.getLayers()) {
            assertFalse(l instanceof FusedReluLayer || l instanceof MaxPool2x2Layer);
        }
        assertEquals(fast.params(), plain.params());
        MultiLayerNetwork alreadyPlain = build(CnnPresets.classic(32, 2, 5), false);
        assertSame(alreadyPlain, LayerHelpers.withDl4jLayers(alreadyPlain));
    }

    @Test
    void imageGradientOutsideTheTrainingLoopIsStillComputed() {
        // Saliency maps need d(output)/d(image): the first layer's shortcut must only apply inside fit().
        MultiLayerNetwork fast = build(CnnPresets.classic(32, 2, 5), true);
        Layer first = fast.getLayers()[0];
        assertInstanceOf(InputConvHelper.class, first.getHelper());
        MultiLayerNetwork ref = build(CnnPresets.classic(32, 2, 5), false);
        fast.initGradientsView();
        ref.initGradientsView();
        INDArray x = batch(2, 32, 2, 4).getFeatures();
        Supplier<INDArray> eps = () -> Nd4j.ones(DataType.FLOAT, 2, 16, 32, 32);
        org.deeplearning4j.nn.workspace.LayerWorkspaceMgr mgr =
                org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces();
        INDArray expected = backpropFirst(ref.getLayers()[0], x, eps.get(), mgr);
        INDArray actual = backpropFirst(first, x, eps.get(), mgr);
        assertTrue(expected.sub(actual).amaxNumber().doubleValue() < 1e-5);
        assertTrue(expected.amaxNumber().doubleValue() > 0);
    }

    @Test
    void directFirstConvMatchesOneDnnForwardAndWeightGradient() {
        MultiLayerNetwork fast = build(CnnPresets.classic(32, 2, 5), true);
        MultiLayerNetwork ref = build(CnnPresets.classic(32, 2, 5), false);
        fast.initGradientsView();
        ref.initGradientsView();
        Layer mine = fast.getLayers()[0];
        Layer theirs = ref.getLayers()[0];
        org.deeplearning4j.nn.workspace.LayerWorkspaceMgr mgr =
                org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces();
        for (int[] hw : new int[][] {{32, 32}, {9, 7}, {1, 5}}) {
            Nd4j.getRandom().setSeed(hw[0] * 17L + hw[1]);
            INDArray x = Nd4j.randn(DataType.FLOAT, 3, 1, hw[0], hw[1]).muli(2).addi(0.5);
            INDArray expected = theirs.activate(x, true, mgr).dup();
            INDArray actual = mine.activate(x, true, mgr).dup();
            double scale = expected.amaxNumber().doubleValue();
            assertTrue(expected.sub(actual).amaxNumber().doubleValue() < 1e-5 * scale,
                    "forward " + java.util.Arrays.toString(hw));
            INDArray eps = Nd4j.randn(DataType.FLOAT, expected.shape());
            INDArray gRef = calcBackpropGradients(theirs, eps).getFirst().getGradientFor("W").dup();
            INDArray g = calcBackpropGradients(mine, eps).getFirst().getGradientFor("W").dup();
            assertTrue(gRef.sub(g).amaxNumber().doubleValue() < 1e-4 * gRef.amaxNumber().doubleValue(),
                    "weight gradient " + java.util.Arrays.toString(hw) + ": " + gRef + " vs " + g);
        }
    }

    /** Named as DL4J's training method, so that the first layer takes its training-only, weights-only path. */
    private static org.nd4j.common.primitives.Pair<org.deeplearning4j.nn.gradient.Gradient, INDArray>
            calcBackpropGradients(Layer layer, INDArray eps) {
        return layer.backpropGradient(eps, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
    }

    private static INDArray backpropFirst(Layer layer, INDArray x,  INDArray eps,
                                          org.deeplearning4j.nn.workspace.LayerWorkspaceMgr mgr) {
        layer.activate(x, true, mgr);
        return layer.backpropGradient(eps, mgr).getSecond().dup();
    }

    /**
     * Batch norm taking its gradient sums in the fused ReLU's backward step must change nothing: three training
     * steps give the same bits as each helper on its own layer. The counter shows the fused path ran (once per conv
     * block and step).
     */
    @Test
    void reluBackwardWithBatchNormSumsLeavesTrainingBitForBitUnchanged() {
        CnnSpec spec = CnnPresets.classic(64, 4, 7);
        MultiLayerNetwork fused = build(spec, true);
        String old = System.getProperty(LayerHelpers.FUSE_PROPERTY);
        System.setProperty(LayerHelpers.FUSE_PROPERTY, "false");
        MultiLayerNetwork separate;
        try {
            separate = build(spec, true);
        } finally {
            if (old == null) {
                System.clearProperty(LayerHelpers.FUSE_PROPERTY);
            } else {
                System.setProperty(LayerHelpers.FUSE_PROPERTY, old);
            }
        }
        long before = RowBatchNormHelper.crossLayerPasses();
        for (int step = 0; step < 3; step++) {
            DataSet ds = batch(16, 64, 4, 10 + step);
            for (MultiLayerNetwork n : new MultiLayerNetwork[] {fused, separate}) {
                Nd4j.getRandom().setSeed(99 + step); // dropout
                n.fit(ds);
            }
        }
        assertEquals(3 * 4, RowBatchNormHelper.crossLayerPasses() - before, "fused backward steps");
        assertArrayEquals(separate.params().toFloatVector(), fused.params().toFloatVector());
        assertArrayEquals(separate.getUpdater().getStateViewArray().toFloatVector(),
                fused.getUpdater().getStateViewArray().toFloatVector());
        assertEquals(separate.score(), fused.score());
    }

    /**
     * A batch-norm layer the row helper cannot compute (NHWC) falls back to DL4J's own batch norm, which has no ReLU
     * in it, so the ReLU after it must stay a real ReLU: outputs as without the helpers.
     */
    @Test
    void reluAfterABatchNormTheHelperCannotTakeStaysAReLU() {
        org.deeplearning4j.nn.conf.MultiLayerConfiguration conf = new org.deeplearning4j.nn.conf.NeuralNetConfiguration
                .Builder().seed(5).dataType(DataType.FLOAT).list()
                .layer(new org.deeplearning4j.nn.conf.layers.ConvolutionLayer.Builder(3, 3).nOut(4)
                        .dataFormat(org.deeplearning4j.nn.conf.CNN2DFormat.NHWC)
                        .activation(org.nd4j.linalg.activations.Activation.IDENTITY).build())
                .layer(new org.deeplearning4j.nn.conf.layers.BatchNormalization.Builder()
                        .dataFormat(org.deeplearning4j.nn.conf.CNN2DFormat.NHWC).build())
                .layer(new org.deeplearning4j.nn.conf.layers.ActivationLayer(
                        org.nd4j.linalg.activations.Activation.RELU))
                .layer(new org.deeplearning4j.nn.conf.layers.OutputLayer.Builder().nOut(2)
                        .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build())
                .setInputType(org.deeplearning4j.nn.conf.inputs.InputType.convolutional(8, 8, 1,
                        org.deeplearning4j.nn.conf.CNN2DFormat.NHWC))
                .build();
        MultiLayerNetwork plain = new MultiLayerNetwork(conf.clone());
        plain.init();
        MultiLayerNetwork fast = new MultiLayerNetwork(conf.clone());
        fast.init(plain.params().dup(), false);
        LayerHelpers.install(fast);
        assertTrue(java.util.Arrays.stream(fast.getLayers()).noneMatch(l -> l instanceof FusedReluLayer),
                "no ReLU fused into a batch norm the helper cannot compute");
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 8, 8, 1).subi(0.5);
        assertTrue(plain.output(x, false).sub(fast.output(x, false)).amaxNumber().doubleValue() < 1e-5);
    }
}
