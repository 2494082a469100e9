/**
 * Augmentation stage: seeded random transforms on preprocessed float images, in pure Java so that no OpenCV natives
 * are needed.
 *
 * <p>Transforms are immutable values ({@link org.mriworkbench.augment.RandRotate}, {@link
 * org.mriworkbench.augment.RandFlip}, ...) that take the random generator as an argument; {@link
 * org.mriworkbench.augment.AugmentSeeds} derives that generator from (seed, epoch, sample) so a run is reproducible
 * under any thread schedule. {@link org.mriworkbench.augment.Augmentation} chains them and carries the strength knob
 * that focused augmentation turns up for minority classes. {@link org.mriworkbench.augment.RandAffine} composes
 * rotation, zoom and translation into one resample, and {@link org.mriworkbench.augment.AugmentSchedule} fades
 * augmentation out over the last epochs. Names follow MONAI: {@code Rand} prefix and a {@code prob}.
 */
package org.mriworkbench.augment;
