/**
 * Jupyter kernel: runs Java notebook cells in the workbench's own JVM.
 */
package org.mriworkbench.kernel;
