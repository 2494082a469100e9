package org.mriworkbench.model;

import java.lang.reflect.Field;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import java.util.Map;

/**
 * Replaces layer internals of a DL4J 1.0.0-M2.1 network with faster ones that compute the same thing:
 * {@link RowBatchNormHelper} behind every batch-norm layer (with the ReLU after it fused in, {@link FusedReluLayer}),
 * {@link NoRecomputeConvHelper} around the oneDNN helper of every conv layer with an identity activation (its
 * backward pass then skips DL4J's forward recomputation), {@link InputConvHelper} around the first conv layer's
 * helper, and {@link MaxPool2x2Layer} for every 2x2 max-pooling layer. Call it after {@code init()} and after a model is restored, because DL4J
 * picks each layer's helper when it creates the layer ({@link CnnSpec#build} and the checkpoint loader do).
 *
 * <p>Why helpers rather than custom layers: helpers are DL4J's own extension point, they are not serialised, and so
 * saved models stay plain DL4J models that any DL4J program loads. The effect is measured by
 * {@code TrainingBenchmark}; set {@value #PROPERTY}{@code =false} to keep DL4J's own helpers, for comparisons.
 */
public final class LayerHelpers {

    /** System property; {@code false} keeps DL4J's own helpers. */
    public static final String PROPERTY = "mri.fastLayerHelpers";

    /**
     * System property; {@code false} keeps each helper to its own layer: batch norm no longer takes its gradient sums
     * in the fused ReLU's backward step ({@link RowBatchNormHelper#reluBackward}). For comparisons; same results.
     */
    public static final String FUSE_PROPERTY = "mri.fuseAcrossLayers";

    private static final Field BN_HELPER = field(BatchNormalization.class);
    private static final Field CONV_HELPER = field(ConvolutionLayer.class);
    private static final Field LAYER_MAP = layerMapField();

    private LayerHelpers() {
    }

    private static Field field(Class<?> layerClass) {
        try {
            Field f = layerClass.getDeclaredField("helper");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another DL4J version: keep its own helpers
        }
    }

    private static Field layerMapField() {
        try {
            Field f = MultiLayerNetwork.class.getDeclaredField("layerMap");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether {@link #install} replaces helpers: the fields exist and {@value #PROPERTY} is not {@code false}. */
    public static boolean enabled() {
        return BN_HELPER != null && CONV_HELPER != null
                && Boolean.parseBoolean(System.getProperty(PROPERTY, "true"));
    }

    /** Installs the faster helpers in {@code net} when {@link #enabled()}; returns {@code net}. */
    public static MultiLayerNetwork install(MultiLayerNetwork net) {
        if (!enabled()) {
            return net;
        }
        boolean acrossLayers = Boolean.parseBoolean(System.getProperty(FUSE_PROPERTY, "true"));
        try {
            Layer[] layers = net.getLayers();
            for (Layer layer : layers) {
                if (NoRecomputeConvHelper.enabled() && layer.getClass() == ConvolutionLayer.class
                        && isIdentity(layer) && CONV_HELPER.get(layer) instanceof ConvolutionHelper h
                        && !(h instanceof InputConvHelper) && !(h instanceof NoRecomputeConvHelper)) {
                    CONV_HELPER.set(layer, new NoRecomputeConvHelper(h));
                }
            }
            if (layers.length > 0 && layers[0] instanceof ConvolutionLayer first && first.getClass() == ConvolutionLayer.class
                    && CONV_HELPER.get(first) instanceof ConvolutionHelper h && !(h instanceof InputConvHelper)) {
                CONV_HELPER.set(first, new InputConvHelper(h));
            }
            for (int i = 0; i < layers.length; i++) {
                if (layers[i] instanceof BatchNormalization bn) {
                    boolean fuse = i + 1 < layers.length && isRelu(layers[i + 1])
                            && RowBatchNormHelper.handlesLayer(dataType(net),
                            ((org.deeplearning4j.nn.conf.layers.BatchNormalization) bn.conf().getLayer())
                                    .getCnn2DFormat());
                    BN_HELPER.set(bn, new RowBatchNormHelper(fuse));
                    if (fuse) {
                        replace(net, i + 1, new FusedReluLayer(layers[i + 1].conf(), dataType(net),
                                acrossLayers ? bn : null));
                    }
                } else if (layers[i].getClass() == SubsamplingLayer.class && MaxPool2x2Layer.handles(
                        (org.deeplearning4j.nn.conf.layers.SubsamplingLayer) layers[i].conf().getLayer())) {
                    replace(net, i, new MaxPool2x2Layer(layers[i].conf(), dataType(net)));
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot replace DL4J layer helpers", e);
        }
        return net;
    }

    /** Whether a conv layer's own activation is the identity, so that its backward pass never reads {@code z}. */
    private static boolean isIdentity(Layer layer) {
        return ((org.deeplearning4j.nn.conf.layers.ConvolutionLayer) layer.conf().getLayer()).getActivationFn()
                instanceof ActivationIdentity;
    }

    private static boolean isRelu(Layer layer) {
        return layer.getClass() == org.deeplearning4j.nn.layers.ActivationLayer.class
                && ((org.deeplearning4j.nn.conf.layers.ActivationLayer) layer.conf().getLayer()).getActivationFn()
                instanceof ActivationReLU;
    }

    private static org.nd4j.linalg.api.buffer.DataType dataType(MultiLayerNetwork net) {
        return net.getLayerWiseConfigurations().getDataType();
    }

    /** Swaps layer {@code i} for {@code fused}, a layer object made from the same configuration. */
    @SuppressWarnings("unchecked")
    private static void replace(MultiLayerNetwork net, int i, Layer fused) throws IllegalAccessException {
        Layer old = net.getLayers()[i];
        fused.setIndex(old.getIndex());
        fused.setListeners(old.getListeners());
        net.getLayers()[i] = fused;
        if (LAYER_MAP != null) {
            Map<String, Layer> map = (Map<String, Layer>) LAYER_MAP.get(net);
            map.replaceAll((name, layer) -> layer == old ? fused : layer);
        }
    }

    /**
     * {@code net} itself when it has none of these helpers, else a copy (same configuration and parameters) with
     * DL4J's own layers and helpers. For code that drives layers one by one, as the explainers do: there a
     * batch-norm layer must be a pure batch norm and a ReLU layer a ReLU.
     */
    public static MultiLayerNetwork withDl4jLayers(MultiLayerNetwork net) {
        boolean custom = false;
        for (Layer layer : net.getLayers()) {
            custom |= layer instanceof FusedReluLayer || layer instanceof MaxPool2x2Layer
                    || (layer instanceof BatchNormalization bn && bn.getHelper() instanceof RowBatchNormHelper)
                    || (layer instanceof ConvolutionLayer c && c.getHelper() instanceof InputConvHelper);
        }
        return custom ? net.clone() : net;
    }

    /** Whether every batch-norm layer of {@code net} uses {@link RowBatchNormHelper}. */
    public static boolean installed(MultiLayerNetwork net) {
        for (Layer layer : net.getLayers()) {
            if (layer instanceof BatchNormalization bn && !(bn.getHelper() instanceof RowBatchNormHelper)) {
                return false;
            }
        }
        return true;
    }
}
