package org.mriworkbench.explain;

import org.mriworkbench.model.LayerHelpers;

import java.util.Arrays;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Runs a DL4J {@link MultiLayerNetwork} in inference mode and captures, at one layer, the activations {@code A}
 * and the gradient {@code dS/dA} of a class score {@code S}. This is the half of Grad-CAM that knows DL4J; the
 * other half ({@link GradCam}) is a few lines of arithmetic on what this returns. With {@link #INPUT} as the layer
 * it gives the gradient with respect to the image, which is what {@link VanillaSaliency} needs.
 *
 * <p><b>The score is the pre-softmax logit</b> {@code z_c} of the target class, as in Selvaraju et al. (2017). The
 * softmax probability would be a poorer choice: its gradient vanishes once the network is confident
 * ({@code dp/dz = p(1-p)}), and it mixes in evidence <em>against</em> the other classes. Logits and softmax
 * probabilities are both returned, so callers can still report the probability.
 *
 * <p><b>How the gradient is obtained, and why not with DL4J's own backprop.</b> DL4J 1.0.0-M2.1 has no public call
 * for "gradient of an output unit with respect to a hidden layer": {@code MultiLayerNetwork.backpropGradient}
 * refuses networks that end in an output layer, and {@code calculateGradients} differentiates the <em>loss</em>
 * (for softmax + cross-entropy, {@code p - y}) and only returns the input gradient. So this class walks the layers
 * itself with their public API: forward with {@code Layer.activate(input, false, ...)} (which also stores each
 * layer's input for its backward step), then backward with {@code Layer.backpropGradient(epsilon, ...)} and each
 * {@code InputPreProcessor.backprop}, starting from {@code dz_c/dh = W[:, c]} at the output layer's input
 * {@code h} (the output layer is linear up to the softmax, so this is exact and needs no labels).
 *
 * <p>Batch normalisation is the one layer whose DL4J backward step cannot be used: it always differentiates
 * <em>training-mode</em> normalisation (batch mean and variance, which couples the examples of a batch), whereas
 * an explanation must differentiate the function the trained network computes, where batch norm is a fixed
 * per-channel affine map {@code y = s_k x + t_k}. The scale {@code s_k} is read by running the layer on an input of
 * zeros and one of ones, which works whatever way DL4J stores the running variance (plain or log10 std). Tests
 * compare the result with finite differences.
 *
 * <p>Supported: the feed-forward CNN layers {@link org.mriworkbench.model.CnnSpec} builds (convolution, pooling,
 * batch norm, activation, dense), plus global pooling, in NCHW layout, ending in a softmax {@link OutputLayer}. Hidden layers must not
 * use dropout (their backward step would reuse a stale training mask); dropout on the output layer's input is
 * fine, since inference ignores it. Anything else is refused when the object is made rather than given a silently
 * wrong gradient.
 *
 * <p>Side effect: DL4J layers write parameter gradients into the network's gradient buffer during the backward
 * step. Training overwrites that buffer before using it, so explaining between epochs is harmless. Not
 * thread-safe (layers keep their last input).
 */
public final class ActivationsAndGradients {

    /** Layer index that means "the network's input": capture the image and the gradient with respect to it. */
    public static final int INPUT = -1;

    private final MultiLayerNetwork net;
    private final int outputIndex;

    /**
     * What one capture saw, for a batch of {@code n} images. All arrays are fresh copies owned by the caller.
     *
     * @param layer         the layer index captured, or {@link #INPUT}
     * @param activations   the layer's output (or the input), e.g. {@code [n, channels, h, w]} for a conv layer
     * @param gradients     {@code dz_c/d activations}, same shape; row {@code i} uses {@code targetClasses[i]}
     * @param logits        pre-softmax outputs {@code [n, classes]}
     * @param probabilities softmax of the logits, {@code [n, classes]}; equals {@code net.output(x)}
     * @param targetClasses the class whose logit was differentiated, per image
     */
    public record Capture(int layer, INDArray activations, INDArray gradients, INDArray logits,
                          INDArray probabilities, int[] targetClasses) {

        public Capture {
            targetClasses = targetClasses.clone();
        }

        @Override
        public int[] targetClasses() {
            return targetClasses.clone();
        }
    }

    /**
     * Checks that every layer of {@code net} is one this class can differentiate correctly.
     *
     * @throws IllegalArgumentException naming the first unsupported layer
     */
    public ActivationsAndGradients(MultiLayerNetwork net) {
        // Layers are driven one by one below, so batch norm and ReLU must be DL4J's own, unfused layers.
        this.net = LayerHelpers.withDl4jLayers(Objects.requireNonNull(net, "net"));
        if (net.getLayers() == null || net.getLayers().length == 0) {
            throw new IllegalArgumentException("the network is not initialised: call init() first");
        }
        Layer[] layers = net.getLayers();
        this.outputIndex = layers.length - 1;
        for (int i = 0; i < outputIndex; i++) {
            checkHidden(i, layers[i].conf().getLayer());
        }
        org.deeplearning4j.nn.conf.layers.Layer out = layers[outputIndex].conf().getLayer();
        if (!(out instanceof OutputLayer o) || !(o.getActivationFn() instanceof ActivationSoftmax)) {
            throw new IllegalArgumentException("the last layer must be a softmax OutputLayer, got " + describe(out));
        }
    }

    private static void checkHidden(int i, org.deeplearning4j.nn.conf.layers.Layer conf) {
        boolean known = conf instanceof ConvolutionLayer || conf instanceof SubsamplingLayer
                || conf instanceof BatchNormalization || conf instanceof ActivationLayer || conf instanceof DenseLayer
                || conf instanceof GlobalPoolingLayer;
        if (!known) {
            throw new IllegalArgumentException("layer " + i + " (" + describe(conf) + ") is not supported; "
                    + "supported: convolution, subsampling, global pooling, batch normalisation, activation, dense");
        }
        if (conf.getIDropout() != null) {
            throw new IllegalArgumentException("layer " + i + " (" + describe(conf) + ") uses dropout; only the "
                    + "output layer may, because a hidden layer's backward step would reuse a stale training mask");
        }
        CNN2DFormat format = conf instanceof ConvolutionLayer c ? c.getCnn2dDataFormat()
                : conf instanceof SubsamplingLayer s ? s.getCnn2dDataFormat()
                : conf instanceof BatchNormalization b ? b.getCnn2DFormat() : CNN2DFormat.NCHW;
        if (format != null && format != CNN2DFormat.NCHW) {
            throw new IllegalArgumentException("layer " + i + " (" + describe(conf) + ") uses " + format
                    + "; only NCHW (DL4J's default) is supported");
        }
    }

    private static String describe(org.deeplearning4j.nn.conf.layers.Layer conf) {
        return (conf.getLayerName() == null ? "" : conf.getLayerName() + ": ") + conf.getClass().getSimpleName();
    }

    /** The network this object differentiates. */
    public MultiLayerNetwork network() {
        return net;
    }

    /** Number of layers, the softmax output included; valid capture layers are {@link #INPUT} to this minus 2. */
    public int numLayers() {
        return outputIndex + 1;
    }

    /** Captures layer {@code layer} for a batch, differentiating the same class's logit for every image. */
    public Capture capture(INDArray input, int layer, int targetClass) {
        int[] classes = new int[(int) input.size(0)];
        Arrays.fill(classes, targetClass);
        return capture(input, layer, classes);
    }

    /**
     * Captures the output of layer {@code layer} (or the input, for {@link #INPUT}) and the gradient of each
     * image's target-class logit with respect to it. Images do not influence each other's gradients (batch norm
     * runs in inference mode), so a batch gives the same answer as one image at a time, only faster.
     *
     * @param input         images {@code [n, channels, height, width]}; cast to the network's data type
     * @param layer         index of a hidden layer, or {@link #INPUT}; the output layer has no separate output
     * @param targetClasses one class index per image
     */
    public Capture capture(INDArray input, int layer, int[] targetClasses) {
        Objects.requireNonNull(input, "input");
        if (layer < INPUT || layer >= outputIndex) {
            throw new IllegalArgumentException("layer must be in [" + INPUT + ", " + (outputIndex - 1) + "], got "
                    + layer);
        }
        int n = (int) input.size(0);
        if (targetClasses.length != n) {
            throw new IllegalArgumentException(targetClasses.length + " target classes for " + n + " images");
        }
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        Layer[] layers = net.getLayers();
        if (net.getFlattenedGradients() == null) {
            net.initGradientsView(); // layers' backward steps write parameter gradients into these views
        }
        DataType type = net.params().dataType();

        INDArray x = input.castTo(type).dup();
        INDArray captured = layer == INPUT ? x.dup() : null;
        for (int i = 0; i < outputIndex; i++) {
            layers[i].setInputMiniBatchSize(n);
            x = layers[i].activate(preProcess(i, x, n, mgr), false, mgr);
            if (i == layer) {
                captured = x.dup();
            }
        }
        INDArray hidden = preProcess(outputIndex, x, n, mgr);
        INDArray w = layers[outputIndex].getParam("W"); // [nIn, classes]
        INDArray logits = hidden.mmul(w).addiRowVector(layers[outputIndex].getParam("b"));

        INDArray oneHot = Nd4j.zeros(type, n, w.size(1));
        for (int i = 0; i < n; i++) {
            if (targetClasses[i] < 0 || targetClasses[i] >= w.size(1)) {
                throw new IllegalArgumentException("target class " + targetClasses[i] + " outside [0, "
                        + w.size(1) + ")");
            }
            oneHot.putScalar(i, targetClasses[i], 1.0);
        }
        INDArray eps = oneHot.mmul(w.transpose()); // dz_c/dh = W[:, c]
        eps = backpropPreProcess(outputIndex, eps, n, mgr);
        for (int i = outputIndex - 1; i > layer; i--) {
            eps = backpropLayer(layers[i], eps, type, mgr);
            eps = backpropPreProcess(i, eps, n, mgr);
        }
        return new Capture(layer, captured, eps.dup(), logits, softmax(logits), targetClasses);
    }

    private INDArray preProcess(int layer, INDArray x, int n, LayerWorkspaceMgr mgr) {
        InputPreProcessor p = configuration().getInputPreProcess(layer);
        return p == null ? x : p.preProcess(x, n, mgr);
    }

    private INDArray backpropPreProcess(int layer, INDArray eps, int n, LayerWorkspaceMgr mgr) {
        InputPreProcessor p = configuration().getInputPreProcess(layer);
        return p == null ? eps : p.backprop(eps, n, mgr);
    }

    private MultiLayerConfiguration configuration() {
        return net.getLayerWiseConfigurations();
    }

    private static INDArray backpropLayer(Layer layer, INDArray eps, DataType type, LayerWorkspaceMgr mgr) {
        if (layer.conf().getLayer() instanceof BatchNormalization) {
            INDArray scale = batchNormScale(layer, eps.rank(), type, mgr);
            INDArray out = Nd4j.createUninitialized(type, eps.shape());
            return Nd4j.getExecutioner().exec(new BroadcastMulOp(eps, scale, out, 1));
        }
        return layer.backpropGradient(eps, mgr).getSecond();
    }

    /**
     * Per-channel slope {@code s_k} of inference-mode batch norm, {@code BN(1) - BN(0)}. Runs after the layer's
     * own backward input is no longer needed, so overwriting its stored input is harmless.
     */
    private static INDArray batchNormScale(Layer bn, int rank, DataType type, LayerWorkspaceMgr mgr) {
        long channels = ((BatchNormalization) bn.conf().getLayer()).getNOut();
        long[] shape = rank == 4 ? new long[] {1, channels, 1, 1} : new long[] {1, channels};
        bn.setInputMiniBatchSize(1);
        INDArray atZero = bn.activate(Nd4j.zeros(type, shape), false, mgr).dup();
        INDArray atOne = bn.activate(Nd4j.ones(type, shape), false, mgr).dup();
        return atOne.sub(atZero).reshape(channels);
    }

    private static INDArray softmax(INDArray logits) {
        INDArray shifted = logits.subColumnVector(logits.max(1).reshape(logits.size(0), 1));
        INDArray e = Transforms.exp(shifted, false);
        return e.diviColumnVector(e.sum(1).reshape(logits.size(0), 1));
    }
}
