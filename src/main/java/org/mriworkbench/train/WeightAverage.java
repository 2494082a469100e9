package org.mriworkbench.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Running sum of a network's parameters over the last K epochs of a run, for {@code TrainConfig.averageLastEpochs}:
 * an SWA-style average (Izmailov et al., "Averaging Weights Leads to Wider Optima and Better Generalization", UAI
 * 2018) over epoch-end snapshots, which smooths out the epoch-to-epoch noise of the final weights for free.
 *
 * <p>Batch-norm running statistics are part of DL4J's parameter vector (mean and log10 standard deviation), so they
 * are averaged too rather than recomputed with an extra pass over the training data: over a short window at the end
 * of training the snapshots' statistics are close, and this keeps the average a pure function of the snapshots.
 *
 * <p>The sum is kept in double precision and saved next to each checkpoint as {@code weight-sum-epoch-NNNN.bin}
 * (written before the checkpoint's JSON, which stays the commit point), so a resumed run averages exactly the same
 * snapshots as an uninterrupted one.
 */
final class WeightAverage {

    private static final int MAGIC = 0x57415647; // "WAVG"
    private static final String PREFIX = "weight-sum-epoch-";

    private final double[] sum;
    private int count;

    private WeightAverage(double[] sum, int count) {
        this.sum = sum;
        this.count = count;
    }

    /** An empty sum for a network with {@code numParams} parameters. */
    static WeightAverage empty(long numParams) {
        return new WeightAverage(new double[Math.toIntExact(numParams)], 0);
    }

    /** Whether the parameters after {@code epoch} (from 0) belong to the average of the last {@code k} of {@code epochs}. */
    static boolean inWindow(int epoch, int epochs, int k) {
        return k > 0 && epoch >= epochs - k;
    }

    /** Adds the network's current parameters. */
    void add(MultiLayerNetwork net) {
        INDArray p = net.params();
        if (p.length() != sum.length) {
            throw new IllegalStateException("network has " + p.length() + " parameters, the sum " + sum.length);
        }
        double[] v = p.toDoubleVector();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += v[i];
        }
        count++;
    }

    /** Snapshots summed so far. */
    int count() {
        return count;
    }

    /** The mean parameters as a float row vector, ready for {@link MultiLayerNetwork#setParams}. */
    INDArray mean() {
        if (count == 0) {
            throw new IllegalStateException("no snapshot added");
        }
        float[] m = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            m[i] = (float) (sum[i] / count);
        }
        return Nd4j.create(m, new long[] {1, m.length}, DataType.FLOAT);
    }

    /** The file holding the sum after {@code epochsCompleted} epochs. */
    static Path file(Path runDir, int epochsCompleted) {
        return runDir.resolve(String.format("%s%04d.bin", PREFIX, epochsCompleted));
    }

    /** Writes the sum for the state after {@code epochsCompleted} epochs, atomically. */
    void save(Path runDir, int epochsCompleted) throws IOException {
        AtomicFiles.write(file(runDir, epochsCompleted), out -> {
            DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out));
            d.writeInt(MAGIC);
            d.writeInt(count);
            d.writeInt(sum.length);
            for (double v : sum) {
                d.writeDouble(v);
            }
            d.flush();
        });
    }

    /** Reads the sum saved after {@code epochsCompleted} epochs; errors name the file. */
    static WeightAverage load(Path runDir, int epochsCompleted, long numParams) throws CheckpointException {
        Path f = file(runDir, epochsCompleted);
        if (!Files.isRegularFile(f)) {
            throw new CheckpointException(f, "missing weight-average sum", null);
        }
        try (InputStream in = Files.newInputStream(f)) {
            DataInputStream d = new DataInputStream(new BufferedInputStream(in));
            int magic = d.readInt();
            int count = d.readInt();
            int n = d.readInt();
            if (magic != MAGIC || n != numParams || count < 1) {
                throw new IOException("not a weight sum for " + numParams + " parameters");
            }
            double[] sum = new double[n];
            for (int i = 0; i < n; i++) {
                sum[i] = d.readDouble();
            }
            return new WeightAverage(sum, count);
        } catch (IOException e) {
            throw new CheckpointException(f, "corrupt weight-average sum", e);
        }
    }

    /** Deletes sum files other than the one for {@code keepEpochsCompleted}; -1 deletes them all. */
    static void deleteOthers(Path runDir, int keepEpochsCompleted) throws IOException {
        String keep = keepEpochsCompleted < 0 ? "" : file(runDir, keepEpochsCompleted).getFileName().toString();
        try (DirectoryStream<Path> old = Files.newDirectoryStream(runDir, PREFIX + "*.bin")) {
            for (Path p : old) {
                if (!p.getFileName().toString().equals(keep)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
