/**
 * Chart stage: XChart figures built from tables and results, returned as chart objects or images, with export kept separate.
 */
package org.mriworkbench.chart;
