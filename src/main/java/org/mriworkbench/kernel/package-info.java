/**
 * Jupyter kernel: runs Java notebook cells in the workbench's own JVM, so that notebooks use the workbench's classes
 * without setup and show its images, charts and tables as pictures and HTML.
 *
 * <p>Built on JJava's {@code jjava-jupyter} (org.dflib.jjava, a maintained fork of SpencerPark's
 * jupyter-jvm-basekernel that IJava was built on) for the wire protocol, and on the JDK's JShell for evaluation.
 * {@link org.mriworkbench.kernel.CellEvaluator} is the JShell session, usable without Jupyter;
 * {@link org.mriworkbench.kernel.WorkbenchKernel} puts it on the wire; {@link org.mriworkbench.kernel.KernelMain}
 * starts it on a connection file; {@link org.mriworkbench.kernelspec.KernelSpec} registers it with Jupyter;
 * {@link org.mriworkbench.kernel.Notebook} is what cells call ({@code display}, {@code html});
 * {@link org.mriworkbench.kernelspec.ClassDataArchive} records the classes of a kernel start into a class-data sharing
 * archive at install time, driving a real kernel with {@link org.mriworkbench.kernelspec.KernelClient}.
 *
 * <p>What a student's cell cannot break: a flood of output is batched ({@link org.mriworkbench.kernel.BatchedOutput},
 * one message per 50 ms or 64 KiB instead of one per line); {@code System.exit} written in a cell ends that cell
 * with a {@code SystemExit} error and keeps the session ({@link org.mriworkbench.kernel.CellExit}). Not caught:
 * {@code Runtime.getRuntime().exit/halt} and exits inside library code; those end the JVM, and Jupyter restarts the
 * kernel with a fresh session ("kernel restarting"), as after any kernel death.
 */
package org.mriworkbench.kernel;

