package org.mriworkbench.train;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Fixes the number of threads ND4J's native code uses. Three knobs exist in 1.0.0-M2.1 and all are set: libnd4j's
 * own parallel loops ({@code Environment.setMaxThreads}/{@code setMaxMasterThreads}), the OpenMP pool that oneDNN
 * uses ({@code NativeOps.setOmpNumThreads}, the same call ND4J makes at start-up from {@code OMP_NUM_THREADS}) and
 * OpenBLAS's own pool ({@code Nd4jBlas.setMaxThreads}). Without the last, OpenBLAS kept the size it read at load
 * time, so a JVM started with {@code OMP_NUM_THREADS=1} trained other last bits than one without
 * ({@code docs/determinism.md}). A fixed count matters for repeatability: reductions split across a different number of
 * threads add floats in a different order and so give different last bits.
 */
public final class NativeThreads {

    private NativeThreads() {
    }

    /** Sets both thread pools to {@code threads}; affects the whole JVM. */
    public static void apply(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    /** The OpenMP pool size in effect, for manifests. */
    public static int current() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }
}
