/**
 * Synthetic brain phantoms: seeded head anatomy, the three tumour kinds and a texture model, rendered to slices and
 * written as a data set in the Kaggle layout with their ground-truth masks. It is a stage of its own, below
 * {@code data}, because it is a source of data rather than a way of reading it: the data stage falls back to it when
 * no real images are found, and tests and notebooks use it to have images whose truth is known. It knows nothing of
 * scanning, splitting or training.
 */
package org.mriworkbench.phantom;
