package org.mriworkbench.train;

import java.nio.file.Path;

/**
 * Trains the {@link DeterminismContractTest} run in its own JVM, so that the test can start it under another
 * environment ({@code OMP_NUM_THREADS}, {@code DNNL_MAX_CPU_ISA}, {@code OPENBLAS_CORETYPE}) and compare its
 * checkpoint with a run in the test's JVM. Arguments: threads, epochs, run folder.
 */
public final class DeterminismProbe {

    private DeterminismProbe() {
    }

    /** The run every comparison uses: {@link SyntheticData#config} with {@code threads} native threads. */
    static TrainingResult train(int threads, int epochs, Path dir) throws Exception {
        return Trainer.of(SyntheticData.config(77).setEpochs(epochs).optThreads(threads).build())
                .train(SyntheticData.binary(160, 31), SyntheticData.binary(48, 32), dir);
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        train(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Path.of(args[2]));
        System.out.printf("finished in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
