package org.mriworkbench.model;

import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;

/**
 * Makes Deeplearning4j's convolution, subsampling and batch-normalisation layers run on oneDNN (the
 * {@code linux-x86_64-onednn-avx2} libnd4j this project ships) instead of their generic Java im2col/gemm path.
 *
 * <p>Two things keep the oneDNN layer helpers off in DL4J 1.0.0-M2.1, and both must be undone:
 * <ol>
 *   <li>{@code HelperUtils.createHelper} returns no helper unless the system property
 *       {@value #DISABLE_PROPERTY} is {@code false}; its default is {@code true}.</li>
 *   <li>Even then, {@code BaseMKLDNNHelper.mklDnnEnabled()} looks for a class that 1.0.0-M2.1 renamed, fails, and
 *       vetoes every helper. {@link org.nd4j.nativeblas.Nd4jCpu} answers that lookup.</li>
 * </ol>
 * Measured on the 2-core CI machine (see {@code TrainingBenchmark}): {@code classic} at 128 px trains about 3x and
 * predicts about 5x faster per CPU-second. Results differ from the fallback path in the last bits (different
 * summation order) but are as repeatable as before for a fixed thread count.
 *
 * <p>An explicit {@code -Dorg.eclipse.deeplearning4j.helpers.disable=true} is respected, as is
 * {@code Nd4j.getEnvironment().allowHelpers(false)}: either gives the old path back, for comparisons.
 */
public final class OneDnnLayers {

    /** DL4J's switch; helpers are created only when it reads {@code false}. */
    public static final String DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private OneDnnLayers() {
    }

    /**
     * Lets layers created from now on use oneDNN, unless the user set {@value #DISABLE_PROPERTY} explicitly. Must run
     * before a network is initialised or restored: DL4J picks each layer's helper when it creates the layer.
     */
    public static void enable() {
        if (System.getProperty(DISABLE_PROPERTY) == null) {
            System.setProperty(DISABLE_PROPERTY, "false");
        }
    }

    /** Whether layers created now get oneDNN helpers: property, ND4J's helper switch and the native build agree. */
    public static boolean active() {
        return !Boolean.parseBoolean(System.getProperty(DISABLE_PROPERTY, "true"))
                && BaseMKLDNNHelper.mklDnnEnabled();
    }
}
