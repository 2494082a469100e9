/**
 * Ground floor: the few base types and small utilities that every pipeline stage needs (the image type, resampling
 * kernels, luminance, progress reporting, the diagnostic labels). They live below every stage so that no stage has to
 * import a stage above it to get them: before this package, decoding imported preprocessing for its image type and
 * preprocessing imported the experiment layer for its progress callback. Nothing here imports another workbench
 * package, and nothing here knows about data sets, models or runs.
 */
package org.mriworkbench.core;
