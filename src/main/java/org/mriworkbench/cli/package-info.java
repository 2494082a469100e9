/**
 * Command line: the same runs as the notebooks, without a notebook.
 */
package org.mriworkbench.cli;
