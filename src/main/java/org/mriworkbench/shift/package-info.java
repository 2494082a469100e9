/**
 * Shift stage: whether a new folder of images is like a run's training data before anyone reads the model's output
 * on it. {@link org.mriworkbench.shift.ShiftCheck} compares intensity statistics and the model's confidence on the new
 * images with the run's own test images (and, when the folder is labelled, scores it), and
 * {@link org.mriworkbench.shift.ShiftVerdict} turns that into a plain verdict; {@link org.mriworkbench.shift.ShiftReport}
 * and {@link org.mriworkbench.shift.ShiftFiles} print and draw it. A model that is right on its test set can be
 * confidently wrong on another scanner's images, and this is the check that says so.
 */
package org.mriworkbench.shift;
