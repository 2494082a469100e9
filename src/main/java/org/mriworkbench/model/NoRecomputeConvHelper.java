package org.mriworkbench.model;

import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.AlgoMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdDataAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdFilterAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.FwdAlgo;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Wraps a conv layer's helper (oneDNN's) so that the layer's backward pass does not run its forward convolution a
 * second time when nothing reads the result.
 *
 * <p>Why: DL4J 1.0.0-M2.1's {@code ConvolutionLayer.backpropGradient} starts by calling {@code preOutput4d}, which
 * recomputes the whole convolution, only to pass its output {@code z} to {@code activation.backprop(z, epsilon)}.
 * For an identity activation (every conv of a batch-norm network: the ReLU comes after the batch norm) that method
 * only checks {@code z}'s shape and returns {@code epsilon}, so the recomputation is pure waste: four oneDNN forward
 * convolutions per {@code classic} training step. Skipping them made {@code fit} 5% cheaper at 64 px and 13% at
 * 128 px (process CPU time, both variants alternating in one process on the shared 2-core machine), with parameters
 * bit-identical after 28 steps. Here, when the wrapped layer's
 * activation is the identity and the call comes from {@code ConvolutionLayer.backpropGradient}, {@link #preOutput}
 * returns an array of the right shape without computing it. The gradients themselves are computed by the wrapped
 * helper exactly as before, so results are bit-for-bit those of DL4J's oneDNN path.
 *
 * <p>Every other call (inference, the training forward pass, layers with another activation, NHWC) goes to the
 * wrapped helper unchanged. The helper is not serialised: saved models stay plain DL4J models.
 */
final class NoRecomputeConvHelper implements ConvolutionHelper {

    /** System property; {@code false} keeps DL4J's forward recomputation, for comparisons. */
    static final String PROPERTY = "mri.convNoRecompute";

    private static final String LAYER_CLASS = ConvolutionLayer.class.getName();

    private final ConvolutionHelper delegate;
    private final StackWalker walker = StackWalker.getInstance();

    NoRecomputeConvHelper(ConvolutionHelper delegate) {
        this.delegate = delegate;
    }

    /** Whether {@link LayerHelpers} installs this helper: {@value #PROPERTY} is not {@code false}. */
    static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty(PROPERTY, "true"));
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
        INDArray placeholder = placeholderIfRecompute(input, weights, kernel, strides, pad, convolutionMode,
                dilation, format, workspaceMgr);
        if (placeholder != null) {
            return placeholder;
        }
        return delegate.preOutput(input, weights, bias, kernel, strides, pad, mode, fwdAlgo, convolutionMode,
                dilation, format, workspaceMgr);
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
        // For a layer without bias DL4J hands helpers other than its own oneDNN one a dummy bias gradient; the
        // oneDNN helper expects none then, as it gets when it is installed directly.
        return delegate.backpropGradient(input, weights, bias, delta, kernel, strides, pad,
                bias == null ? null : biasGradView, weightGradView, afn, mode, bwdFilterAlgo, bwdDataAlgo,
                convolutionMode, dilation, format, workspaceMgr);
    }

    /**
     * When this forward call is the recomputation at the start of {@code ConvolutionLayer.backpropGradient}: an
     * uninitialised array of the shape and array type the forward pass would produce (its values are never read);
     * otherwise null. {@link InputConvHelper}, which computes the first layer's forward pass itself, asks this first.
     */
    INDArray placeholderIfRecompute(INDArray input, INDArray weights, int[] kernel, int[] strides, int[] pad,
                                    ConvolutionMode convolutionMode, int[] dilation, CNN2DFormat format,
                                    LayerWorkspaceMgr workspaceMgr) {
        if (format != CNN2DFormat.NCHW || input.rank() != 4 || weights.rank() != 4 || !calledByBackprop()) {
            return null;
        }
        int[] out = ConvolutionUtils.getOutputSize(input, kernel, strides,
                convolutionMode == ConvolutionMode.Same ? null : pad, convolutionMode, dilation, format);
        return workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(),
                input.size(0), weights.size(0), out[0], out[1]);
    }

    /** Whether this forward call is the recomputation at the start of {@code ConvolutionLayer.backpropGradient}. */
    private boolean calledByBackprop() {
        return walker.walk(frames -> frames.limit(8).anyMatch(f -> f.getClassName().equals(LAYER_CLASS)
                && f.getMethodName().equals("backpropGradient")));
    }
}
