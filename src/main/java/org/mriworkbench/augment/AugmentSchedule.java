package org.mriworkbench.augment;

/**
 * Per-epoch augmentation strength that fades augmentation out over the last part of training. Augmentation
 * regularises, but at full strength to the end it also keeps the model fitting a distribution (warped, blurred
 * images) slightly different from the one it is tested on; ending on clean images lets the last epochs fit the real
 * distribution, as in "fade" or "no augmentation for the final epochs" recipes (e.g. YOLOX turns its strong
 * augmentation off for the last 15 epochs).
 *
 * <p>With {@code n = ceil(fadeFraction * epochs)} fade epochs, epochs before the last {@code n} run at factor 1 and
 * the j-th fade epoch (j = 1..n) at {@code 1 - j/n}, so the final epoch is unaugmented. Fraction 0 never fades.
 */
public final class AugmentSchedule {

    private AugmentSchedule() {
    }

    /** The strength factor of {@code epoch} (from 0) in a run of {@code epochs} epochs, in [0, 1]. */
    public static double factor(int epoch, int epochs, double fadeFraction) {
        check(fadeFraction);
        if (epochs < 1 || epoch < 0 || epoch >= epochs) {
            throw new IllegalArgumentException("epoch " + epoch + " outside a run of " + epochs + " epochs");
        }
        int n = fadeEpochs(epochs, fadeFraction);
        int firstFade = epochs - n;
        if (epoch < firstFade) {
            return 1.0;
        }
        int j = epoch - firstFade + 1;
        return 1.0 - j / (double) n;
    }

    /** How many final epochs fade: {@code ceil(fadeFraction * epochs)}, 0 for fraction 0. */
    public static int fadeEpochs(int epochs, double fadeFraction) {
        check(fadeFraction);
        // A tiny tolerance so that 0.3 * 10 counts as 3 epochs, not 4.
        return (int) Math.min(epochs, Math.ceil(fadeFraction * epochs - 1e-9));
    }

    /** Rejects fractions outside [0, 1]. */
    public static void check(double fadeFraction) {
        if (!(fadeFraction >= 0 && fadeFraction <= 1)) {
            throw new IllegalArgumentException("augmentFadeFraction must be in [0,1], got " + fadeFraction);
        }
    }
}
