/**
 * Jupyter kernel: runs Java notebook cells in the workbench's own JVM, so that notebooks use the workbench's classes
 * without setup and show its images, charts and tables as pictures and HTML.
 *
 * <p>Built on JJava's {@code jjava-jupyter} (org.dflib.jjava, a maintained fork of SpencerPark's
 * jupyter-jvm-basekernel that IJava was built on) for the wire protocol, and on the JDK's JShell for evaluation.
 * {@link org.mriworkbench.kernel.CellEvaluator} is the JShell session, usable without Jupyter;
 * {@link org.mriworkbench.kernel.WorkbenchKernel} puts it on the wire; {@link org.mriworkbench.kernel.KernelMain}
 * starts it on a connection file; {@link org.mriworkbench.kernel.KernelSpec} registers it with Jupyter;
 * {@link org.mriworkbench.kernel.Notebook} is what cells call ({@code display}, {@code html}).
 */
package org.mriworkbench.kernel;
