package org.mriworkbench.model;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stands in for a DL4J {@code SubsamplingLayer} doing 2x2, stride-2 max pooling on float NCHW tensors: forward and
 * backward are one sequential pass over each pair of input rows, on the calling thread and the common pool.
 *
 * <p>Why: the step profile ({@code bench.StepProfile}) put the four pooling layers of {@code classic} at about 40% of a
 * training step's CPU time at 64 px and over a third at 128 px, more than the convolutions. DL4J's layer runs
 * libnd4j's generic {@code maxpool2d} and {@code maxpool2d_bp} ops, whose backward pass searches every window again
 * through strided index arithmetic; pooling is pure memory traffic and needs one read of the input and one write of
 * the output. Its forward pass does not go through a layer helper in DL4J 1.0.0-M2.1, so, like
 * {@link FusedReluLayer}, only the layer <em>object</em> is replaced: the configuration, and every saved model, still
 * says "max pooling 2x2", and a network built without {@link LayerHelpers} computes the same function.
 *
 * <p>The gradient goes to the first maximum of each window in row-major order (as in libnd4j); when two inputs of a
 * window are exactly equal DL4J's own path may pick the other one, which {@code LayerHelpersTest} allows for. The
 * forward pass takes the maximum of the two rows first, a loop C2 vectorises, then of each column pair (stride 2,
 * scalar). The backward pass finds each window's first maximum without branches, on int keys that order like the
 * floats: after ReLU half the inputs are zero, and a compare chain was mispredicted about once per window. Any other setting (kernel, stride, padding,
 * dilation, dropout, NHWC, not float, odd sizes in Same mode) runs DL4J's own code.
 */
final class MaxPool2x2Layer extends SubsamplingLayer {

    MaxPool2x2Layer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Whether {@code conf} describes the pooling this layer computes itself. */
    static boolean handles(org.deeplearning4j.nn.conf.layers.SubsamplingLayer conf) {
        return conf.getPoolingType() == PoolingType.MAX && Arrays.equals(conf.getKernelSize(), new int[] {2, 2})
                && Arrays.equals(conf.getStride(), new int[] {2, 2}) && Arrays.equals(conf.getPadding(), new int[2])
                && Arrays.equals(conf.getDilation(), new int[] {1, 1}) && conf.getCnn2dDataFormat() == CNN2DFormat.NCHW
                && conf.getIDropout() == null
                && (conf.getConvolutionMode() == ConvolutionMode.Truncate
                || conf.getConvolutionMode() == ConvolutionMode.Strict);
    }

    private boolean supported(INDArray x) {
        return x.rank() == 4 && x.dataType() == DataType.FLOAT && handles(layerConf()) && x.size(2) >= 2
                && x.size(3) >= 2 && x.length() < Integer.MAX_VALUE
                && (layerConf().getConvolutionMode() != ConvolutionMode.Strict
                || (x.size(2) % 2 == 0 && x.size(3) % 2 == 0));
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (!supported(input)) {
            return super.activate(training, workspaceMgr);
        }
        INDArray x = NativeBuffers.contiguous(input);
        int planes = (int) (x.size(0) * x.size(1));
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        int oh = h / 2;
        int ow = w / 2;
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[] {x.size(0), x.size(1), oh, ow}, 'c');
        FloatBuffer in = NativeBuffers.floats(x);
        FloatBuffer o = NativeBuffers.floats(out);
        RowBatchNormHelper.run(planes * oh, 2 * w, (from, to) -> {
            float[] a = new float[w];
            float[] b = new float[w];
            float[] r = new float[ow];
            for (int row = from; row < to; row++) {
                int plane = row / oh;
                int oy = row % oh;
                int base = plane * h * w + 2 * oy * w;
                in.get(base, a, 0, w);
                in.get(base + w, b, 0, w);
                for (int i = 0; i < w; i++) {
                    a[i] = Math.max(a[i], b[i]); // vectorised; the pairs below are not (stride 2)
                }
                for (int ox = 0; ox < ow; ox++) {
                    r[ox] = Math.max(a[2 * ox], a[2 * ox + 1]);
                }
                o.put(row * ow, r, 0, ow);
            }
        });
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if (!supported(input) || epsilon.dataType() != DataType.FLOAT) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        INDArray x = NativeBuffers.contiguous(input);
        INDArray eps = NativeBuffers.contiguous(epsilon);
        int planes = (int) (x.size(0) * x.size(1));
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        int oh = h / 2;
        int ow = w / 2;
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, x.shape(), 'c');
        FloatBuffer in = NativeBuffers.floats(x);
        FloatBuffer e = NativeBuffers.floats(eps);
        FloatBuffer d = NativeBuffers.floats(dx);
        RowBatchNormHelper.run(planes * oh, 3 * w, (from, to) -> {
            float[] ab = new float[2 * w]; // the window rows 2 oy and 2 oy + 1, adjacent in memory
            float[] gab = new float[2 * w];
            float[] g = new float[ow];
            float[] zeros = new float[w];
            for (int row = from; row < to; row++) {
                int plane = row / oh;
                int oy = row % oh;
                int base = plane * h * w + 2 * oy * w;
                in.get(base, ab, 0, 2 * w);
                e.get(row * ow, g, 0, ow);
                java.util.Arrays.fill(gab, 0f); // gab[w-1] and gab[2w-1] stay 0 for odd widths (Truncate)
                for (int ox = 0; ox < ow; ox++) {
                    int i = 2 * ox;
                    int k0 = orderKey(ab[i]);
                    int k1 = orderKey(ab[i + 1]);
                    int k2 = orderKey(ab[w + i]);
                    int k3 = orderKey(ab[w + i + 1]);
                    int m = Math.max(Math.max(k0, k1), Math.max(k2, k3));
                    int e0 = isMax(k0, m);
                    int e1 = isMax(k1, m);
                    int e2 = isMax(k2, m);
                    // the first maximum in row-major order: i, i + 1, w + i, else w + i + 1
                    gab[i + (1 - e0) * (e1 + (1 - e1) * (e2 * w + (1 - e2) * (w + 1)))] = g[ox];
                }
                d.put(base, gab, 0, 2 * w);
                if (h % 2 == 1 && oy == oh - 1) {
                    d.put(base + 2 * w, zeros, 0, w); // the row Truncate dropped gets no gradient
                }
            }
        });
        return new Pair<>(new DefaultGradient(), dx);
    }

    /**
     * An int whose signed order is the float order of {@code x} (-0 and +0 equal, as for {@code >}), so that the
     * window's maximum and its position come from int max and arithmetic, without branches.
     */
    private static int orderKey(float x) {
        int b = Float.floatToRawIntBits(x + 0f); // -0 + 0 = +0
        return b ^ ((b >> 31) & 0x7fffffff);
    }

    /** 1 when {@code k == m}, 0 when {@code k < m} (k never exceeds m). */
    private static int isMax(int k, int m) {
        return 1 + (int) (((long) k - m) >> 63);
    }
}
