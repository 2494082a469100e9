/**
 * Installing the kernel into Jupyter: the kernelspec that says how Jupyter starts it, and the class-data archive
 * that makes the start fast, recorded by driving a real kernel through the protocol with a small client. Kept apart
 * from {@code kernel} because installation runs once, outside any notebook, and only needs to know how to launch
 * the kernel, not how it evaluates cells.
 */
package org.mriworkbench.kernelspec;
