package org.mriworkbench.bench;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.model.CnnPresets;
import org.mriworkbench.model.CnnSpec;
import org.mriworkbench.model.OneDnnLayers;
import org.mriworkbench.train.NativeThreads;
import org.mriworkbench.train.PhysicalMemoryProbe;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

/**
 * A fingerprint of a short training run: {@code classic} trained for a few {@code fit} steps on seeded random
 * minibatches, then SHA-256 over the exact bits of its parameters, Adam's state and the last score.
 *
 * <p>Why: speed changes to the training path must leave training bit-for-bit as it was (reference results are
 * reproduced from the code), and some settings that could change it live outside Java, in the environment the native
 * libraries read when they load ({@code OPENBLAS_THREAD_TIMEOUT}). Two JVMs, or two commits, that print the same
 * digest trained the same bits. {@code java -cp ... org.mriworkbench.bench.TrainDigest 64 3}
 */
public final class TrainDigest {

    private TrainDigest() {
    }

    /** Trains {@code classic} at {@code size} px, batch 32, four classes, for {@code steps} steps; the digest, hex. */
    public static String digest(int size, int steps) {
        CnnSpec spec = CnnPresets.byName("classic", size, 4, 42);
        MultiLayerNetwork net = spec.build(new Adam(1e-3), 0);
        List<DataSet> batches = TimedLoop.randomBatches(spec, 32, 2, 42); // seeds ND4J's generator (dropout) too
        for (int s = 0; s < steps; s++) {
            net.fit(batches.get(s % batches.size()));
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, net.params());
            update(sha, net.getUpdater().getStateViewArray());
            sha.update(ByteBuffer.allocate(8).putDouble(net.score()).array());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, INDArray a) {
        float[] v = a.toFloatVector();
        ByteBuffer b = ByteBuffer.allocate(4 * v.length);
        for (float f : v) {
            b.putInt(Float.floatToRawIntBits(f));
        }
        sha.update(b.array());
    }

    /** {@code [size] [steps]}: prints the digest, with 2 native threads. */
    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        PhysicalMemoryProbe.switchOffUnlessSet();
        NativeThreads.apply(2);
        OneDnnLayers.enable();
        System.out.println("digest " + digest(size, steps));
        System.out.println("maxPhysicalBytes " + PhysicalMemoryProbe.limitInEffect());
    }
}
