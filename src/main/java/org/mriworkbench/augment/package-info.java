/**
 * Augmentation stage: seeded random transforms on preprocessed float images, in pure Java so that no OpenCV natives are needed.
 */
package org.mriworkbench.augment;
