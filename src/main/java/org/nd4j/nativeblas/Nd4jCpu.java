package org.nd4j.nativeblas;

/**
 * Compatibility bridge, not an ND4J class: lets Deeplearning4j 1.0.0-M2.1 find out that its oneDNN layer helpers
 * may run. See {@link org.mriworkbench.model.OneDnnLayers} for why this exists and how it is switched on.
 *
 * <p>DL4J's {@code BaseMKLDNNHelper.mklDnnEnabled()} asks, by reflection, for
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()}. In the 1.0.0-M2.1 release that class
 * moved to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the method was renamed
 * {@code isUseONEDNN()}, so the lookup throws, DL4J records a failed check and every convolution, pooling and batch
 * normalisation layer silently falls back to its generic im2col/gemm Java path: about 3x slower for training and 5x
 * for inference on this workbench's CNNs. This class answers the old question with the new call. It has no other
 * members, and nothing in the workbench calls it directly.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** The one method DL4J looks up, forwarded to the renamed native call. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether libnd4j was built with oneDNN and has it switched on. */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
