package org.mriworkbench.model;

import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.AlgoMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdDataAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdFilterAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.FwdAlgo;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Wraps the oneDNN helper of a network's <em>first</em> conv layer so that, inside {@code MultiLayerNetwork} training,
 * its backward pass computes only the weight (and bias) gradient.
 *
 * <p>Why: DL4J always computes the gradient with respect to a layer's input, and for the first layer that is the
 * gradient with respect to the image, which training throws away. With one input channel oneDNN's kernels for it
 * are also slow: on the 2-core CI machine the first conv's backward step of {@code classic} took 38 ms of a 190 ms
 * step at 64 px and 120 ms at 128 px. Here the weight gradient is one im2col and one small matrix product per image
 * (the same arithmetic oneDNN does). The input gradient is still computed exactly, by the wrapped helper, whenever a
 * caller other than DL4J's training loop asks for it (saliency maps do).
 *
 * <p>For the usual first layer (one channel, 3x3, stride 1, Same mode) both the forward pass and that weight gradient
 * are computed directly by {@link SingleChannelConv3x3}, without oneDNN's layout reorders; in a workspace at 128 px,
 * batch 32, the layer's forward measured about 25 CPU ms with oneDNN and 15 with the direct kernel. DL4J's
 * {@code ConvolutionLayer} recomputes the forward pass in backprop; when the wrapped helper is a
 * {@link NoRecomputeConvHelper} that recomputation is skipped here too, as it is for the other conv layers.
 */
final class InputConvHelper implements ConvolutionHelper {

    private static final String TRAINING_CALLER = "calcBackpropGradients";

    /** System property; {@code false} keeps oneDNN (and im2col) for the first layer, for comparisons and tests. */
    static final String DIRECT_PROPERTY = "mri.directFirstConv";
    private static final boolean DIRECT = Boolean.parseBoolean(System.getProperty(DIRECT_PROPERTY, "true"));

    private final ConvolutionHelper delegate;
    private final StackWalker walker = StackWalker.getInstance();

    InputConvHelper(ConvolutionHelper delegate) {
        this.delegate = delegate;
    }

    ConvolutionHelper delegate() {
        return delegate;
    }

    @Override
    public boolean checkSupported() {
        return delegate.checkSupported();
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return delegate.helperMemoryUse();
    }

    @Override
    public INDArray preOutput(INDArray input, INDArray weights, INDArray bias, int[] kernel, int[] strides, int[] pad,
                              AlgoMode mode, FwdAlgo fwdAlgo, ConvolutionMode convolutionMode, int[] dilation,
                              CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (delegate instanceof NoRecomputeConvHelper nr) { // DL4J's recomputation in backprop: nothing reads it
            INDArray placeholder = nr.placeholderIfRecompute(input, weights, kernel, strides, pad, convolutionMode,
                    dilation, format, workspaceMgr);
            if (placeholder != null) {
                return placeholder;
            }
        }
        if (direct(input, weights, kernel, strides, dilation, convolutionMode, format)
                && (bias == null || bias.dataType() == DataType.FLOAT)) {
            INDArray x = NativeBuffers.contiguous(input);
            int n = (int) x.size(0);
            int outC = (int) weights.size(0);
            int h = (int) x.size(2);
            int w = (int) x.size(3);
            INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                    new long[] {n, outC, h, w}, 'c');
            SingleChannelConv3x3.forward(NativeBuffers.floats(x), floats(weights), bias == null ? null : floats(bias),
                    NativeBuffers.floats(out), n, outC, h, w);
            return out;
        }
        return delegate.preOutput(input, weights, bias, kernel, strides, pad, mode, fwdAlgo, convolutionMode,
                dilation, format, workspaceMgr);
    }

    /** The values of a small parameter array (weights, bias) in C order. */
    private static float[] floats(INDArray a) {
        float[] f = new float[(int) a.length()];
        NativeBuffers.floats(NativeBuffers.contiguous(a)).get(0, f, 0, f.length);
        return f;
    }

    @Override
    public INDArray activate(INDArray z, IActivation afn, boolean training) {
        return delegate.activate(z, afn, training);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray weights, INDArray bias, INDArray delta,
                                                     int[] kernel, int[] strides, int[] pad, INDArray biasGradView,
                                                     INDArray weightGradView, IActivation afn, AlgoMode mode,
                                                     BwdFilterAlgo bwdFilterAlgo, BwdDataAlgo bwdDataAlgo,
                                                     ConvolutionMode convolutionMode, int[] dilation,
                                                     CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (!weightsOnlyApplies(input, delta, weightGradView, format) || !calledByTrainingLoop()) {
            return delegate.backpropGradient(input, weights, bias, delta, kernel, strides, pad, biasGradView,
                    weightGradView, afn, mode, bwdFilterAlgo, bwdDataAlgo, convolutionMode, dilation, format,
                    workspaceMgr);
        }
        if (direct(input, weights, kernel, strides, dilation, convolutionMode, format)
                && delta.dataType() == DataType.FLOAT) {
            INDArray x = NativeBuffers.contiguous(input);
            INDArray d = NativeBuffers.contiguous(delta);
            int outC = (int) d.size(1);
            float[] gw = new float[outC * 9];
            float[] gb = bias != null && biasGradView != null ? new float[outC] : null;
            SingleChannelConv3x3.weightGradient(NativeBuffers.floats(x), NativeBuffers.floats(d), gw, gb, (int) x.size(0), outC, (int) x.size(2),
                    (int) x.size(3));
            weightGradView.assign(Nd4j.createFromArray(gw).reshape(weightGradView.shape()));
            Gradient g = new DefaultGradient();
            if (gb != null) {
                biasGradView.assign(Nd4j.createFromArray(gb).reshape(biasGradView.shape()));
                g.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
            }
            g.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView, 'c');
            return new Pair<>(g, workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(),
                    input.shape(), 'c'));
        }
        long n = input.size(0);
        long outC = delta.size(1);
        long pixels = delta.size(2) * delta.size(3);
        long k = weightGradView.length() / outC;
        boolean same = convolutionMode == ConvolutionMode.Same;
        INDArray col = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT,
                new long[] {n, input.size(1), kernel[0], kernel[1], delta.size(2), delta.size(3)}, 'c');
        Convolution.im2col(input, kernel[0], kernel[1], strides[0], strides[1], pad[0], pad[1], dilation[0],
                dilation[1], same, col);
        // [k, n*pixels] and [n*pixels, outC] as two copies, then ONE matrix product: many small per-image
        // products cost more in call overhead than in arithmetic.
        INDArray cols = col.reshape('c', n, k, pixels).permute(1, 0, 2).dup('c').reshape('c', k, n * pixels);
        INDArray d = delta.reshape('c', n, outC, pixels).permute(0, 2, 1).dup('c').reshape('c', n * pixels, outC);
        INDArray gw = weightGradView.reshape('c', outC, k);
        gw.assign(cols.mmul(d).transpose());
        Gradient g = new DefaultGradient();
        if (bias != null && biasGradView != null) {
            biasGradView.assign(d.sum(0).reshape(biasGradView.shape()));
            g.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
        }
        g.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView, 'c');
        // The image gradient is not needed by the training loop; return an array of the right shape, unset.
        INDArray epsOut = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(),
                'c');
        return new Pair<>(g, epsOut);
    }

    private static boolean weightsOnlyApplies(INDArray input, INDArray delta, INDArray weightGradView,
                                              CNN2DFormat format) {
        return format == CNN2DFormat.NCHW && input.rank() == 4 && input.dataType() == DataType.FLOAT
                && delta.dataType() == DataType.FLOAT && weightGradView != null && weightGradView.isView()
                && weightGradView.ordering() == 'c';
    }

    /** Whether {@link SingleChannelConv3x3} computes this convolution: one float NCHW channel, 3x3, stride 1, Same. */
    private static boolean direct(INDArray input, INDArray weights, int[] kernel, int[] strides, int[] dilation,
                                  ConvolutionMode mode, CNN2DFormat format) {
        return DIRECT && format == CNN2DFormat.NCHW && input.rank() == 4 && input.size(1) == 1
                && input.dataType() == DataType.FLOAT && weights.dataType() == DataType.FLOAT && weights.rank() == 4
                && weights.size(1) == 1 && kernel[0] == 3 && kernel[1] == 3 && strides[0] == 1 && strides[1] == 1
                && dilation[0] == 1 && dilation[1] == 1 && mode == ConvolutionMode.Same
                && input.length() < Integer.MAX_VALUE && input.size(0) * weights.size(0) * input.size(2)
                * input.size(3) < Integer.MAX_VALUE;
    }


    private boolean calledByTrainingLoop() {
        return walker.walk(frames -> frames.limit(8).anyMatch(f -> f.getMethodName().equals(TRAINING_CALLER)));
    }
}
