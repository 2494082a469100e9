package org.mriworkbench.model;

import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalisation for DL4J's {@code BatchNormalization} layer, computed on contiguous channel rows in plain Java.
 *
 * <p>Why it exists: with oneDNN on, DL4J 1.0.0-M2.1 still computes the batch mean and variance with libnd4j's generic
 * strided reductions over axes (0, 2, 3) and wraps oneDNN's backward kernel in several full-size copies and broadcast
 * ops. Profiling {@code classic} at 64 px put about 30% of a training step there, more than all the convolutions. In
 * NCHW order every (image, channel) pair is one contiguous row of H x W floats, so the statistics are one sequential
 * pass, the normalisation one more, and the backward pass two: the memory traffic batch norm needs and no more.
 *
 * <p>It plugs in through DL4J's own extension point, the layer's {@link BatchNormalizationHelper}, so the layer keeps
 * its parameters, running-average update, serialisation and fallback behaviour. The row kernels are in
 * {@link BatchNormRows}; each row's sums depend only on that row and rows are combined per channel in row order, so
 * results do not depend on the number of threads. The variance is taken about each row's own mean and the backward
 * sums about the batch mean, so neither loses precision to cancellation when the mean is large. Float, NCHW (or
 * rank 2) only; for anything else it returns null and DL4J uses its built-in path.
 */
final class RowBatchNormHelper implements BatchNormalizationHelper {

    /** Rows per parallel task: small tensors run on the calling thread. */
    private static final long PARALLEL_MIN_ELEMENTS = 1 << 16;

    /** How many times the fused ReLU's backward step was done here ({@link #reluBackward}), JVM-wide; for tests. */
    private static final java.util.concurrent.atomic.AtomicLong CROSS_LAYER_PASSES =
            new java.util.concurrent.atomic.AtomicLong();

    private final boolean fuseRelu;
    private INDArray meanCache;
    private INDArray varCache;
    private float[] trainMean;
    private float[] trainVar;
    private float[] trainScale;
    private float[] trainShift;

    /** Left by {@link #reluBackward} for the backward pass that follows: its output, the input it read, row sums. */
    private INDArray summedGradient;
    private INDArray summedInput;
    private double[] summedRowSums;

    /**
     * @param fuseRelu also apply ReLU to the output (and its derivative in backprop); for a batch-norm layer whose
     *                 following ReLU layer {@link LayerHelpers} turned into a pass-through
     */
    RowBatchNormHelper(boolean fuseRelu) {
        this.fuseRelu = fuseRelu;
    }

    boolean fusesRelu() {
        return fuseRelu;
    }

    @Override
    public boolean checkSupported(double eps, boolean fixedGammaBeta) {
        return !fixedGammaBeta;
    }

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Collections.emptyMap();
    }

    @Override
    public INDArray getMeanCache(DataType dataType) {
        return meanCache;
    }

    @Override
    public INDArray getVarCache(DataType dataType) {
        return varCache;
    }

    /**
     * Whether this helper computes every forward pass of a batch-norm layer of {@code dataType} and {@code format}, so
     * that the ReLU after it may be fused in: where it returns null, DL4J's own batch norm runs, without the ReLU.
     */
    static boolean handlesLayer(DataType dataType, CNN2DFormat format) {
        return dataType == DataType.FLOAT && format == CNN2DFormat.NCHW;
    }

    private static boolean supported(INDArray x, CNN2DFormat format) {
        return x.dataType() == DataType.FLOAT && (x.rank() == 2 || (x.rank() == 4 && format == CNN2DFormat.NCHW));
    }

    /** Rows x columns view of an NCHW (or N x C) tensor: row r = (image r / C, channel r % C). */
    private static int channels(INDArray x) {
        return (int) x.size(1);
    }

    private static int rowLength(INDArray x) {
        return x.rank() == 4 ? (int) (x.size(2) * x.size(3)) : 1;
    }


    @Override
    public INDArray preOutput(INDArray x, boolean training, long[] shape, INDArray gamma, INDArray beta,
                              INDArray mean, INDArray var, double decay, double eps, CNN2DFormat format,
                              LayerWorkspaceMgr workspaceMgr) {
        if (!supported(x, format)) {
            return null;
        }
        x = NativeBuffers.contiguous(x);
        int c = channels(x);
        int len = rowLength(x);
        int rows = (int) (x.length() / len);
        float[] m = new float[c];
        float[] v = new float[c];
        if (training) {
            double[] stats = new double[3 * rows];
            FloatBuffer xb = NativeBuffers.floats(x);
            run(rows, len, (from, to) -> new BatchNormRows().statistics(xb, len, from, to, stats));
            meanAndVariance(stats, rows, c, len, m, v);
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                if (meanCache == null || meanCache.length() != c) {
                    meanCache = Nd4j.createUninitialized(DataType.FLOAT, c);
                    varCache = Nd4j.createUninitialized(DataType.FLOAT, c);
                }
            }
            NativeBuffers.write(m, meanCache);
            NativeBuffers.write(v, varCache);
            trainMean = m;
            trainVar = v;
        } else {
            NativeBuffers.read(mean, m);
            NativeBuffers.read(var, v);
        }
        float[] g = new float[c];
        float[] b = new float[c];
        copyOrFill(gamma, g, 1f);
        copyOrFill(beta, b, 0f);
        float[] scale = new float[c];
        float[] shift = new float[c];
        for (int ch = 0; ch < c; ch++) {
            double inv = 1.0 / Math.sqrt(v[ch] + eps);
            scale[ch] = (float) (g[ch] * inv);
            shift[ch] = (float) (b[ch] - m[ch] * g[ch] * inv);
        }
        if (training) {
            trainScale = scale;
            trainShift = shift;
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, x.shape(), 'c');
        FloatBuffer xb = NativeBuffers.floats(x);
        FloatBuffer ob = NativeBuffers.floats(out);
        boolean relu = fuseRelu;
        run(rows, len, (from, to) -> new BatchNormRows().normalise(xb, ob, len, c, from, to, scale, shift, relu));
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray epsilon, long[] shape, INDArray gamma,
                                                     INDArray beta, INDArray dGammaView, INDArray dBetaView,
                                                     double eps, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (!supported(input, format) || meanCache == null || trainScale == null
                || epsilon.dataType() != DataType.FLOAT) {
            return null;
        }
        INDArray x = NativeBuffers.contiguous(input);
        INDArray dy = NativeBuffers.contiguous(epsilon);
        int c = channels(x);
        int len = rowLength(x);
        int rows = (int) (x.length() / len);
        float[] m = trainMean;
        float[] v = trainVar;
        float[] g = new float[c];
        copyOrFill(gamma, g, 1f);
        // The fused ReLU layer's backward step already masked dy and took the sums (reluBackward)?
        boolean summed = epsilon == summedGradient && input == summedInput && summedRowSums.length == 2 * rows;
        FloatBuffer xb = NativeBuffers.floats(x);
        FloatBuffer db = NativeBuffers.floats(dy);
        float[] reluScale = fuseRelu && !summed ? trainScale : null;
        float[] reluShift = trainShift;
        double[] sums = summed ? summedRowSums : gradientSums(db, xb, null, len, c, rows, reluScale);
        summedGradient = null;
        summedInput = null;
        summedRowSums = null;
        double[] totals = channelTotals(sums, rows, c);
        double count = (double) rows / c * len;
        float[] dGamma = new float[c];
        float[] dBeta = new float[c];
        float[] k1 = new float[c];
        float[] k2 = new float[c];
        float[] k3 = new float[c];
        for (int ch = 0; ch < c; ch++) {
            double sdy = totals[2 * ch];
            double inv = 1.0 / Math.sqrt(v[ch] + eps);
            double dg = inv * totals[2 * ch + 1]; // sum(dy * xhat), xhat = (x - mean) * inv
            dGamma[ch] = (float) dg;
            dBeta[ch] = (float) sdy;
            // dx = g*inv/M * (M*dy - sum(dy) - xhat*sum(dy*xhat)) = k1*dy + k2*(x - mean) + k3
            k1[ch] = (float) (g[ch] * inv);
            k2[ch] = (float) (-g[ch] * inv * inv * dg / count);
            k3[ch] = (float) (-g[ch] * inv * sdy / count);
        }
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, x.shape(), 'c');
        FloatBuffer ob = NativeBuffers.floats(dx);
        run(rows, len, (from, to) -> new BatchNormRows().inputGradient(db, xb, ob, len, c, from, to, m, k1, k2, k3,
                reluScale, reluShift));
        Gradient grad = new DefaultGradient();
        if (dGammaView != null) {
            NativeBuffers.write(dGamma, dGammaView);
            NativeBuffers.write(dBeta, dBetaView);
            grad.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGammaView);
            grad.setGradientFor(BatchNormalizationParamInitializer.BETA, dBetaView);
        }
        return new Pair<>(grad, dx);
    }

    /**
     * The backward step of the ReLU fused into this batch norm ({@link FusedReluLayer}), done together with batch
     * norm's first backward pass; null when it does not apply (then the layer copies {@code epsilon} as before).
     *
     * <p>Why: DL4J hands each layer's input gradient to the next through two alternating workspaces, so the
     * pass-through ReLU layer had to copy its whole gradient, on one thread (3% of a step's wall time at 64 px), right
     * before batch norm read it again for its sums. Here one parallel pass reads the gradient and batch norm's input,
     * applies ReLU's derivative, writes the masked gradient (the copy the workspaces need) and takes the per-row
     * sums, which {@link #backpropGradient} then uses instead of its own first pass; its second pass reads the
     * already-masked gradient. Same operations in the same order on each row, so the same bits.
     *
     * @param epsilon the gradient arriving at the ReLU layer
     * @param input   this batch norm layer's input, as its backward pass will receive it
     */
    INDArray reluBackward(INDArray epsilon, INDArray input, LayerWorkspaceMgr workspaceMgr) {
        if (!fuseRelu || trainScale == null || input == null || input.rank() != 4
                || input.dataType() != DataType.FLOAT || epsilon.dataType() != DataType.FLOAT
                || !java.util.Arrays.equals(epsilon.shape(), input.shape()) || input.size(1) != trainScale.length
                || NativeBuffers.contiguous(input) != input) {
            return null;
        }
        INDArray dy = NativeBuffers.contiguous(epsilon);
        int c = channels(input);
        int len = rowLength(input);
        int rows = (int) (input.length() / len);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape(), 'c');
        summedRowSums = gradientSums(NativeBuffers.floats(dy), NativeBuffers.floats(input), NativeBuffers.floats(out),
                len, c, rows, trainScale);
        summedGradient = out;
        summedInput = input;
        CROSS_LAYER_PASSES.incrementAndGet();
        return out;
    }

    /**
     * Batch norm's first backward pass over all rows ({@link BatchNormRows#gradientSums}), on the common pool: per row
     * the sum of g and of g * (x - mean), g being dy masked by ReLU's derivative when {@code reluScale} is not null,
     * and written to {@code maskedOut} when that is not null.
     */
    private double[] gradientSums(FloatBuffer dy, FloatBuffer x, FloatBuffer maskedOut, int len, int c, int rows,
                                  float[] reluScale) {
        double[] sums = new double[2 * rows];
        float[] m = trainMean;
        float[] shift = trainShift;
        run(rows, len, (from, to) -> new BatchNormRows().gradientSums(dy, x, maskedOut, len, c, from, to, m, sums,
                reluScale, shift));
        return sums;
    }

    /** The JVM-wide count of {@link #reluBackward} results handed out so far. */
    static long crossLayerPasses() {
        return CROSS_LAYER_PASSES.get();
    }

    private static void copyOrFill(INDArray a, float[] into, float value) {
        if (a == null) {
            java.util.Arrays.fill(into, value);
        } else {
            NativeBuffers.read(a, into);
        }
    }

    /** Per channel, the two row sums added over the images in a fixed order (row r is channel r % c). */
    private static double[] channelTotals(double[] rowSums, int rows, int c) {
        double[] totals = new double[2 * c];
        for (int r = 0; r < rows; r++) {
            totals[2 * (r % c)] += rowSums[2 * r];
            totals[2 * (r % c) + 1] += rowSums[2 * r + 1];
        }
        return totals;
    }

    /**
     * Per channel mean and (biased) variance from the per-row sums about each row's pivot k
     * ({@link BatchNormRows#statistics}), rows added in a fixed order. The squared deviations move from k to the
     * channel mean mu exactly: sum (x - mu)^2 = sum (x - k)^2 + 2 (k - mu) sum (x - k) + len (k - mu)^2, without the
     * cancellation of "mean of squares minus square of mean".
     */
    private static void meanAndVariance(double[] stats, int rows, int c, int len, float[] m, float[] v) {
        double count = (double) rows / c * len;
        double[] sum = new double[c];
        for (int r = 0; r < rows; r++) {
            sum[r % c] += stats[3 * r] + len * stats[3 * r + 2];
        }
        double[] m2 = new double[c];
        for (int r = 0; r < rows; r++) {
            int ch = r % c;
            double d = stats[3 * r + 2] - sum[ch] / count;
            m2[ch] += stats[3 * r + 1] + 2 * d * stats[3 * r] + len * d * d;
        }
        for (int ch = 0; ch < c; ch++) {
            m[ch] = (float) (sum[ch] / count);
            v[ch] = (float) Math.max(0, m2[ch] / count);
        }
    }

    interface RowTask {
        void apply(int from, int to);
    }

    /** Splits rows across the common pool when the tensor is large enough; each row is written by one task. */
    static void run(int rows, int len, RowTask task) {
        long elements = (long) rows * len;
        int parts = (int) Math.min(Math.min(rows, ForkJoinPool.getCommonPoolParallelism() + 1),
                Math.max(1, elements / PARALLEL_MIN_ELEMENTS));
        if (parts <= 1) {
            task.apply(0, rows);
            return;
        }
        RecursiveAction[] actions = new RecursiveAction[parts];
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) rows * p / parts);
            int to = (int) ((long) rows * (p + 1) / parts);
            actions[p] = new RecursiveAction() {
                @Override
                protected void compute() {
                    task.apply(from, to);
                }
            };
        }
        RecursiveAction.invokeAll(actions);
    }
}
