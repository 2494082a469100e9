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
 * its parameters, running-average update, serialisation and fallback behaviour. Sums are accumulated in double per
 * row and combined in a fixed order, so results do not depend on the number of threads. Float, NCHW (or rank 2)
 * only; for anything else it returns null and DL4J uses its built-in path.
 */
final class RowBatchNormHelper implements BatchNormalizationHelper {

    /** Rows per parallel task: small tensors run on the calling thread. */
    private static final long PARALLEL_MIN_ELEMENTS = 1 << 16;

    private final boolean fuseRelu;
    private INDArray meanCache;
    private INDArray varCache;
    private float[] trainScale;
    private float[] trainShift;

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
            double[] sums = new double[2 * rows];
            FloatBuffer xb = NativeBuffers.floats(x);
            run(rows, len, (from, to) -> rowSums(xb, xb, len, c, from, to, sums, null, null));
            double[] totals = channelTotals(sums, rows, c);
            double count = (double) rows / c * len;
            for (int ch = 0; ch < c; ch++) {
                double mu = totals[2 * ch] / count;
                m[ch] = (float) mu;
                v[ch] = (float) Math.max(0, totals[2 * ch + 1] / count - mu * mu);
            }
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                if (meanCache == null || meanCache.length() != c) {
                    meanCache = Nd4j.createUninitialized(DataType.FLOAT, c);
                    varCache = Nd4j.createUninitialized(DataType.FLOAT, c);
                }
                meanCache.data().setData(m);
                varCache.data().setData(v);
            }
        } else {
            copy(mean, m);
            copy(var, v);
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
        run(rows, len, (from, to) -> normalise(xb, ob, len, c, from, to, scale, shift, relu));
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
        float[] m = meanCache.toFloatVector();
        float[] v = varCache.toFloatVector();
        float[] g = new float[c];
        copyOrFill(gamma, g, 1f);
        double[] sums = new double[2 * rows];
        FloatBuffer xb = NativeBuffers.floats(x);
        FloatBuffer db = NativeBuffers.floats(dy);
        float[] reluScale = fuseRelu ? trainScale : null;
        float[] reluShift = trainShift;
        run(rows, len, (from, to) -> rowSums(db, xb, len, c, from, to, sums, reluScale, reluShift));
        double[] totals = channelTotals(sums, rows, c);
        double count = (double) rows / c * len;
        float[] dGamma = new float[c];
        float[] dBeta = new float[c];
        float[] k1 = new float[c];
        float[] k2 = new float[c];
        float[] k3 = new float[c];
        for (int ch = 0; ch < c; ch++) {
            double sdy = totals[2 * ch];
            double sdyx = totals[2 * ch + 1];
            double inv = 1.0 / Math.sqrt(v[ch] + eps);
            double dg = inv * (sdyx - m[ch] * sdy); // sum(dy * xhat)
            dGamma[ch] = (float) dg;
            dBeta[ch] = (float) sdy;
            // dx = g*inv/M * (M*dy - sum(dy) - xhat*sum(dy*xhat)) = k1*dy + k2*x + k3
            k1[ch] = (float) (g[ch] * inv);
            k2[ch] = (float) (-g[ch] * inv * inv * dg / count);
            k3[ch] = (float) (-g[ch] * inv * sdy / count + g[ch] * inv * inv * dg * m[ch] / count);
        }
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, x.shape(), 'c');
        FloatBuffer ob = NativeBuffers.floats(dx);
        run(rows, len, (from, to) -> inputGradient(db, xb, ob, len, c, from, to, k1, k2, k3, reluScale, reluShift));
        Gradient grad = new DefaultGradient();
        if (dGammaView != null) {
            dGammaView.assign(Nd4j.createFromArray(dGamma).reshape(dGammaView.shape()));
            dBetaView.assign(Nd4j.createFromArray(dBeta).reshape(dBetaView.shape()));
            grad.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGammaView);
            grad.setGradientFor(BatchNormalizationParamInitializer.BETA, dBetaView);
        }
        return new Pair<>(grad, dx);
    }

    private static void copy(INDArray a, float[] into) {
        float[] f = a.reshape(a.length()).toFloatVector();
        System.arraycopy(f, 0, into, 0, into.length);
    }

    private static void copyOrFill(INDArray a, float[] into, float value) {
        if (a == null) {
            java.util.Arrays.fill(into, value);
        } else {
            copy(a, into);
        }
    }

    /**
     * Per row: sum(g) and sum(g * x), in double, where g = p, or p masked by ReLU's derivative at the forward
     * output x * scale + shift when ReLU is fused. With p == x (and no mask) that is the sum and the sum of squares.
     */
    private static void rowSums(FloatBuffer p, FloatBuffer x, int len, int c, int from, int to, double[] sums,
                                float[] reluScale, float[] reluShift) {
        float[] a = new float[len];
        float[] b = p == x ? a : new float[len];
        for (int r = from; r < to; r++) {
            p.get(r * len, a, 0, len);
            if (b != a) {
                x.get(r * len, b, 0, len);
            }
            if (reluScale != null) {
                mask(a, b, len, reluScale[r % c], reluShift[r % c]);
            }
            double s = 0;
            double sx = 0;
            for (int i = 0; i < len; i++) {
                s += a[i];
                sx += (double) a[i] * b[i];
            }
            sums[2 * r] = s;
            sums[2 * r + 1] = sx;
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
     * g[i] = 0 where the forward output x * scale + shift was not positive (ReLU's derivative), without a branch:
     * ReLU masks about half the values at random, which a branch predictor cannot learn. The sign trick treats
     * -0.0 as positive, an immaterial choice of subgradient at exactly zero.
     */
    private static void mask(float[] g, float[] x, int len, float scale, float shift) {
        for (int i = 0; i < len; i++) {
            int keep = ~((Float.floatToRawIntBits(x[i] * scale + shift) - 1) >> 31);
            g[i] = Float.intBitsToFloat(Float.floatToRawIntBits(g[i]) & keep);
        }
    }

    /** out = x * scale[ch] + shift[ch], then ReLU when asked; row by row. */
    private static void normalise(FloatBuffer x, FloatBuffer out, int len, int c, int from, int to, float[] scale,
                                  float[] shift, boolean relu) {
        float[] row = new float[len];
        for (int r = from; r < to; r++) {
            float a = scale[r % c];
            float k = shift[r % c];
            x.get(r * len, row, 0, len);
            if (relu) {
                for (int i = 0; i < len; i++) {
                    row[i] = Math.max(row[i] * a + k, 0f);
                }
            } else {
                for (int i = 0; i < len; i++) {
                    row[i] = row[i] * a + k;
                }
            }
            out.put(r * len, row, 0, len);
        }
    }

    /** dx = k1[ch] * g + k2[ch] * x + k3[ch], g as in {@link #rowSums}; row by row. */
    private static void inputGradient(FloatBuffer dy, FloatBuffer x, FloatBuffer out, int len, int c, int from,
                                      int to, float[] k1, float[] k2, float[] k3, float[] reluScale,
                                      float[] reluShift) {
        float[] g = new float[len];
        float[] xr = new float[len];
        for (int r = from; r < to; r++) {
            int ch = r % c;
            dy.get(r * len, g, 0, len);
            x.get(r * len, xr, 0, len);
            if (reluScale != null) {
                mask(g, xr, len, reluScale[ch], reluShift[ch]);
            }
            float a = k1[ch];
            float b = k2[ch];
            float k = k3[ch];
            for (int i = 0; i < len; i++) {
                g[i] = g[i] * a + xr[i] * b + k;
            }
            out.put(r * len, g, 0, len);
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
