package org.mriworkbench.train;

/**
 * Switches off JavaCPP's physical-memory probe, which read {@code /proc/self/statm} on every native allocation.
 *
 * <p>Why: while {@code org.bytedeco.javacpp.maxPhysicalBytes} is above zero, every JavaCPP pointer that registers a
 * deallocator first asks the kernel for the process's resident size. ND4J allocates such a pointer for the shape
 * information of nearly every op, several hundred per training step, so the probe cost 3.4% of the training thread's
 * wall time at 64 px (async-profiler, wall clock, {@code classic}, batch 32), and removing it made a step 3-8% cheaper
 * in CPU time on the main thread (three alternating runs each). Its default limit is {@code maxBytes} plus three times
 * the heap limit: with the default heap on a 24 GiB machine that is the whole machine, so the probe never fires
 * before the kernel's own out-of-memory killer would. The cheap guard stays: {@code maxBytes} (the total JavaCPP has
 * handed out) still forces a garbage collection when it is exceeded.
 *
 * <p>The property is read once, when JavaCPP's {@code Pointer} class loads, so this must run at a JVM's entry point,
 * before anything touches ND4J: the command line, the notebook kernel and the benchmarks call it first; surefire sets
 * the property on the test JVM. A value set on the command line wins. It changes no arithmetic: trained bits are
 * identical either way ({@code NativeSettingsTest} compares the two).
 */
public final class PhysicalMemoryProbe {

    /** The JavaCPP system property (JavaCPP also accepts it in lower case). */
    public static final String PROPERTY = "org.bytedeco.javacpp.maxPhysicalBytes";

    private PhysicalMemoryProbe() {
    }

    /**
     * Sets {@link #PROPERTY} to 0 unless it is already set (in either spelling). Has no effect once JavaCPP's
     * {@code Pointer} class has loaded.
     */
    public static void switchOffUnlessSet() {
        if (System.getProperty(PROPERTY) == null
                && System.getProperty(PROPERTY.toLowerCase(java.util.Locale.ROOT)) == null) {
            System.setProperty(PROPERTY, "0");
        }
    }

    /** The limit JavaCPP is using, in bytes (0: no probe); loads JavaCPP. For manifests and benchmark headers. */
    public static long limitInEffect() {
        return org.bytedeco.javacpp.Pointer.maxPhysicalBytes();
    }
}
