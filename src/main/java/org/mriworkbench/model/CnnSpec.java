package org.mriworkbench.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * An immutable description of a plain VGG-style CNN: blocks of conv 3x3 (same padding) then, optionally, batch
 * normalisation (Ioffe &amp; Szegedy, ICML 2015) and ReLU, then 2x2 max pooling; then one dense ReLU layer, dropout
 * (Srivastava et al., JMLR 2014) and a softmax output trained with (optionally class-weighted) cross-entropy.
 *
 * <p>A spec rather than a network is what experiments store and compare: it is small, printable, and its size and
 * cost ({@link #parameterCount()}, {@link #forwardFlopsPerImage()}, {@link #summary()}) can be read without the
 * native backend. Binary tasks use a 2-unit softmax, so metrics treat binary and four-class models alike.
 *
 * <p>Create with {@link #builder()} ({@code set*} required, {@code opt*} optional) or {@link CnnPresets}.
 *
 * @param inputHeight  image height in pixels
 * @param inputWidth   image width in pixels
 * @param channels     image channels (1 for grey MRI)
 * @param blockFilters filters of the conv layer in each block; each block halves height and width (rounding down)
 * @param batchNorm    whether each conv is followed by batch normalisation (then the conv has no bias)
 * @param dropout      probability of <em>dropping</em> a dense activation before the output layer, in [0,1)
 * @param denseWidth   units of the dense layer
 * @param numClasses   softmax outputs: 2 for tumour/no tumour, 4 for {@code Label.FOUR_CLASS}
 * @param seed         weight-initialisation seed
 * @param classWeights per-class loss weights by class index, or empty for an unweighted loss
 * @param head         how the last block's feature maps reach the dense layer; null reads as {@link Head#FLATTEN}
 *                     (configs written before heads existed)
 */
public record CnnSpec(int inputHeight, int inputWidth, int channels, List<Integer> blockFilters, boolean batchNorm,
                      double dropout, int denseWidth, int numClasses, long seed, List<Double> classWeights,
                      Head head) {

    /**
     * From feature maps to the dense layer. {@code FLATTEN} keeps every position (the tutorial CNN, many parameters);
     * the global pools keep one number per filter, which makes the net ask "is this feature anywhere?", the right
     * question for a small lesion that can sit anywhere in the slice (Lin et al. 2014, Network in Network; Oquab et
     * al. 2015 for global max pooling), with far fewer parameters to fit from few images.
     */
    public enum Head {
        FLATTEN, GLOBAL_MAX, GLOBAL_AVERAGE
    }

    public CnnSpec {
        head = head == null ? Head.FLATTEN : head;
        blockFilters = List.copyOf(blockFilters);
        classWeights = List.copyOf(classWeights);
        if (inputHeight <= 0 || inputWidth <= 0 || channels <= 0) {
            throw new IllegalArgumentException("input must be positive, got " + channels + "x" + inputHeight + "x"
                    + inputWidth);
        }
        if (blockFilters.isEmpty() || blockFilters.stream().anyMatch(f -> f <= 0)) {
            throw new IllegalArgumentException("need at least one block, each with > 0 filters, got " + blockFilters);
        }
        int shrink = 1 << Math.min(30, blockFilters.size());
        if (inputHeight / shrink < 1 || inputWidth / shrink < 1) {
            throw new IllegalArgumentException(blockFilters.size() + " pooling blocks need an input of at least "
                    + shrink + "x" + shrink + ", got " + inputHeight + "x" + inputWidth);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0,1), got " + dropout);
        }
        if (denseWidth <= 0) {
            throw new IllegalArgumentException("denseWidth must be > 0, got " + denseWidth);
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("numClasses must be >= 2 (binary uses a 2-unit softmax), got "
                    + numClasses);
        }
        if (!classWeights.isEmpty() && classWeights.size() != numClasses) {
            throw new IllegalArgumentException(classWeights.size() + " class weights for " + numClasses + " classes");
        }
        for (double w : classWeights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("class weights must be finite and >= 0, got " + classWeights);
            }
        }
    }

    /** A builder with the optional fields at their defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.height = inputHeight;
        b.width = inputWidth;
        b.channels = channels;
        b.blockFilters = blockFilters;
        b.batchNorm = batchNorm;
        b.dropout = dropout;
        b.denseWidth = denseWidth;
        b.numClasses = numClasses;
        b.seed = seed;
        b.classWeights = classWeights;
        b.head = head;
        return b;
    }

    /** An initialised network with the default updater, Adam (Kingma &amp; Ba, ICLR 2015) at 1e-3, and no L2. */
    public MultiLayerNetwork build() {
        return build(new Adam(1e-3), 0);
    }

    /**
     * An initialised network with the trainer's updater and L2 penalty ({@code l2 <= 0} adds none). DL4J's
     * {@code init()} reseeds the global ND4J generator with {@link #seed()}, which is what makes the initial
     * weights reproducible; this class never calls {@code Nd4j.getRandom().setSeed} itself.
     */
    public MultiLayerNetwork build(IUpdater updater, double l2) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(updater, l2));
        net.init();
        return LayerHelpers.install(net);
    }

    /** The DL4J configuration (data type FLOAT), for callers that serialise or adapt it before building. */
    public MultiLayerConfiguration configuration(IUpdater updater, double l2) {
        Objects.requireNonNull(updater, "updater");
        if (Double.isNaN(l2)) {
            throw new IllegalArgumentException("l2 must not be NaN");
        }
        return dl4jConfiguration(updater, l2);
    }

    /**
     * The DL4J translation of this spec, the only code in this package that knows DL4J layers. It lives here rather
     * than in a helper that reads the spec back, so that the spec and its translation do not depend on each other.
     */
    private MultiLayerConfiguration dl4jConfiguration(IUpdater updater, double l2) {
        OneDnnLayers.enable(); // before any layer of this configuration is instantiated
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(seed())
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(WeightInit.RELU) // He et al. 2015, suited to ReLU layers
                .convolutionMode(ConvolutionMode.Same);
        if (l2 > 0) {
            base.l2(l2);
        }
        NeuralNetConfiguration.ListBuilder list = base.list();
        int k = 1;
        for (int filters : blockFilters()) {
            // With batch norm right after, a conv bias is redundant: BN's beta does the same job.
            list.layer(new ConvolutionLayer.Builder(3, 3).stride(1, 1).nOut(filters).hasBias(!batchNorm())
                    .activation(batchNorm() ? Activation.IDENTITY : Activation.RELU).name("conv" + k).build());
            if (batchNorm()) {
                list.layer(new BatchNormalization.Builder().name("bn" + k).build());
                list.layer(new ActivationLayer.Builder().activation(Activation.RELU).name("relu" + k).build());
            }
            list.layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                    .convolutionMode(ConvolutionMode.Truncate).name("pool" + k).build());
            k++;
        }
        if (head() != Head.FLATTEN) {
            PoolingType type = head() == Head.GLOBAL_MAX ? PoolingType.MAX : PoolingType.AVG;
            list.layer(new GlobalPoolingLayer.Builder(type).name("global-pool").build());
        }
        list.layer(new DenseLayer.Builder().nOut(denseWidth()).activation(Activation.RELU).name("dense").build());
        LossMCXENT loss = classWeights().isEmpty() ? new LossMCXENT() : new LossMCXENT(lossWeights());
        OutputLayer.Builder out = new OutputLayer.Builder(loss).nOut(numClasses()).activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER).name("output");
        if (dropout() > 0) {
            // DL4J's Dropout takes the probability to RETAIN an activation, the opposite of Keras and PyTorch.
            out.dropOut(new Dropout(1.0 - dropout()));
        }
        list.layer(out.build());
        list.setInputType(InputType.convolutional(inputHeight(), inputWidth(), channels()));
        return list.build();
    }

    private org.nd4j.linalg.api.ndarray.INDArray lossWeights() {
        float[] w = new float[numClasses()];
        for (int i = 0; i < w.length; i++) {
            w[i] = classWeights().get(i).floatValue();
        }
        return Nd4j.create(w, new long[] {1, w.length}, DataType.FLOAT);
    }

    /** Size and cost of each layer, in network order. */
    public List<LayerCost> layerCosts() {
        return CnnCosts.layers(channels, inputHeight, inputWidth, blockFilters, batchNorm, head != Head.FLATTEN,
                denseWidth, numClasses);
    }

    /** Total parameters as DL4J counts them ({@code numParams()}), including batch-norm running statistics. */
    public long parameterCount() {
        return layerCosts().stream().mapToLong(LayerCost::params).sum();
    }

    /** Parameters changed by training, i.e. without the batch-norm running mean and variance. */
    public long trainableParameterCount() {
        return layerCosts().stream().mapToLong(LayerCost::trainableParams).sum();
    }

    /**
     * Forward-pass FLOPs for one image, counted as 2 x multiply-adds of the conv and dense layers (the convention
     * of most papers' "FLOPs" tables when they double MACs). Bias additions, batch norm, activations, pooling and
     * softmax are left out: together they are well under 1% for these networks.
     */
    public long forwardFlopsPerImage() {
        return layerCosts().stream().mapToLong(LayerCost::flops).sum();
    }

    /** A fixed-width table of layer, output shape, parameters and FLOPs, with totals and the counting convention. */
    public String summary() {
        return CnnCosts.summary(layerCosts(), channels, inputHeight, inputWidth);
    }

    /** Collects the fields of a {@link CnnSpec}; {@code build()} validates them. */
    public static final class Builder {
        private int height;
        private int width;
        private int channels = 1;
        private List<Integer> blockFilters = List.of();
        private boolean batchNorm = true;
        private double dropout;
        private int denseWidth = 128;
        private int numClasses;
        private Long seed;
        private List<Double> classWeights = List.of();
        private Head head = Head.FLATTEN;

        private Builder() {
        }

        /** Required: a square input of {@code size} x {@code size} pixels. */
        public Builder setInputSize(int size) {
            return setInputSize(size, size);
        }

        /** Required: the input height and width in pixels. */
        public Builder setInputSize(int height, int width) {
            this.height = height;
            this.width = width;
            return this;
        }

        /** Required: conv filters per block, one entry per block. */
        public Builder setBlockFilters(int... filters) {
            this.blockFilters = Arrays.stream(filters).boxed().toList();
            return this;
        }

        /** Required: number of softmax outputs, 2 or 4 in this workbench. */
        public Builder setNumClasses(int numClasses) {
            this.numClasses = numClasses;
            return this;
        }

        /** Required: the weight-initialisation seed. There is deliberately no default. */
        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Input channels; default 1. */
        public Builder optChannels(int channels) {
            this.channels = channels;
            return this;
        }

        /** Batch normalisation after each conv; default true. */
        public Builder optBatchNorm(boolean batchNorm) {
            this.batchNorm = batchNorm;
            return this;
        }

        /** Drop probability before the output layer; default 0 (no dropout). */
        public Builder optDropout(double dropout) {
            this.dropout = dropout;
            return this;
        }

        /** Dense-layer width; default 128. */
        public Builder optDenseWidth(int denseWidth) {
            this.denseWidth = denseWidth;
            return this;
        }

        /** Per-class loss weights by class index; none by default. Pass nothing to clear them. */
        public Builder optClassWeights(double... weights) {
            List<Double> w = new ArrayList<>();
            for (double x : weights) {
                w.add(x);
            }
            this.classWeights = List.copyOf(w);
            return this;
        }

        /** How feature maps reach the dense layer; default {@link Head#FLATTEN}. */
        public Builder optHead(Head head) {
            this.head = java.util.Objects.requireNonNull(head, "head");
            return this;
        }

        public CnnSpec build() {
            if (seed == null) {
                throw new IllegalStateException("setSeed(...) is required: every random component takes an explicit seed");
            }
            if (height == 0 || numClasses == 0 || blockFilters.isEmpty()) {
                throw new IllegalStateException("setInputSize, setBlockFilters and setNumClasses are required");
            }
            return new CnnSpec(height, width, channels, blockFilters, batchNorm, dropout, denseWidth, numClasses,
                    seed, classWeights, head);
        }
    }
}
