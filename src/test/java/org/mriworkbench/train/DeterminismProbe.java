package org.mriworkbench.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains {@link SyntheticData#config} once in this JVM and prints what decides its numbers (threads, BLAS core,
 * native libraries) and the numbers themselves (per-epoch losses with every bit, a SHA-256 of the final parameters),
 * so that runs under different environments can be compared line by line. Arguments: threads, epochs, run folder.
 * Used by {@code docs/determinism.md}'s measurements and by {@link DeterminismContractTest}.
 */
public final class DeterminismProbe {

    private DeterminismProbe() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int epochs = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]);
        long t0 = System.nanoTime();
        TrainingResult r = Trainer.of(SyntheticData.config(77).setEpochs(epochs).optThreads(threads).build())
                .train(SyntheticData.binary(160, 31), SyntheticData.binary(48, 32), dir);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.println("omp=" + NativeThreads.current() + " blasThreads=" + Nd4j.factory().blas().getMaxThreads()
                + " blasVendor=" + Nd4j.factory().blas().getBlasVendor());
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            if (line.matches(".*(openblas|mkl|gomp|iomp|dnnl|nd4jcpu).*\\.so.*")) {
                System.out.println("lib " + line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        for (EpochStats e : r.history()) {
            System.out.println("epoch " + e.epoch() + " trainLoss=" + e.trainLoss() + " valLoss=" + e.valLoss());
        }
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(r.network().params().data().asBytes());
        System.out.println("params=" + HexFormat.of().formatHex(sha).substring(0, 16));
        System.out.printf("trainSeconds=%.2f%n", s);
    }
}
