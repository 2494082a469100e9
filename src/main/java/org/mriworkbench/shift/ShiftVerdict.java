package org.mriworkbench.shift;

import java.util.Locale;

/**
 * The one-line answer of the dataset-shift check: how far a new folder is from a model's training data, judged on
 * two signals that need no labels. Each signal gets a level, and the verdict is the worse of the two.
 *
 * <p><b>Intensity</b>: the largest two-sample Kolmogorov-Smirnov statistic D over the per-image statistics of the
 * raw grayscale images (mean, standard deviation, 1st/50th/99th percentile, near-black share), new folder against
 * training images. D is the largest gap between the two cumulative distributions, so D = 0.5 means that some
 * brightness (or contrast, or background) value splits at least half of one set from the other.
 * <ul>
 *   <li>LARGE: D &ge; {@value #KS_LARGE} with p &lt; {@value #KS_ALPHA};</li>
 *   <li>MODERATE: D &ge; {@value #KS_MODERATE} with p &lt; {@value #KS_ALPHA};</li>
 *   <li>SMALL otherwise. The p-value condition keeps a handful of images from raising an alarm by chance: with 30
 *       images per side, one pair of samples from the same distribution in twenty reaches D = 0.35.</li>
 * </ul>
 *
 * <p><b>Confidence</b>: the change in mean top-label confidence (largest softmax probability) from the reference
 * (the run's own test predictions) to the new folder, in either direction. LARGE: a change of at least
 * {@value #CONFIDENCE_LARGE}; MODERATE: at least {@value #CONFIDENCE_MODERATE}; SMALL otherwise. A drop says the
 * model is unsure on the new images; a rise says it is sure for reasons its test set did not show (a phantom-trained
 * model is more confident on real slices than on phantoms, and wrong). Confidence can also stay put on foreign
 * images, so a SMALL confidence level alone proves nothing; that is why intensity is judged as well.
 *
 * <p>The thresholds are conventions for teaching, not calibrated error bounds: a SMALL verdict is no licence to
 * trust the model on the new folder, a LARGE one says its test figures do not carry over.
 *
 * @param level               the worse of the two levels
 * @param intensityLevel      the intensity signal's level
 * @param intensityKs         largest KS statistic over the per-image statistics
 * @param intensityP          its p-value
 * @param intensityStatistic  which per-image statistic gave it
 * @param confidenceLevel     the confidence signal's level
 * @param meanConfidence      mean top-label confidence on the new folder
 * @param referenceConfidence mean top-label confidence on the reference
 */
public record ShiftVerdict(Level level, Level intensityLevel, double intensityKs, double intensityP,
                           String intensityStatistic, Level confidenceLevel, double meanConfidence,
                           double referenceConfidence) {

    /** KS statistic from which an intensity shift counts as large. */
    public static final double KS_LARGE = 0.5;
    /** KS statistic from which an intensity shift counts as moderate. */
    public static final double KS_MODERATE = 0.2;
    /** Significance level a KS statistic must also reach to count. */
    public static final double KS_ALPHA = 0.01;
    /** Change in mean confidence from which a shift counts as large. */
    public static final double CONFIDENCE_LARGE = 0.15;
    /** Change in mean confidence from which a shift counts as moderate. */
    public static final double CONFIDENCE_MODERATE = 0.05;

    /** How big a shift is. */
    public enum Level { SMALL, MODERATE, LARGE }

    /** Judges the two signals; NaN inputs (no images on a side) give SMALL for that signal. */
    public static ShiftVerdict of(double intensityKs, double intensityP, String intensityStatistic,
                                  double meanConfidence, double referenceConfidence) {
        Level intensity = !(intensityP < KS_ALPHA) ? Level.SMALL
                : intensityKs >= KS_LARGE ? Level.LARGE : intensityKs >= KS_MODERATE ? Level.MODERATE : Level.SMALL;
        double change = Math.abs(referenceConfidence - meanConfidence);
        Level confidence = !(change >= CONFIDENCE_MODERATE) ? Level.SMALL
                : change >= CONFIDENCE_LARGE ? Level.LARGE : Level.MODERATE;
        Level worse = intensity.compareTo(confidence) >= 0 ? intensity : confidence;
        return new ShiftVerdict(worse, intensity, intensityKs, intensityP, intensityStatistic, confidence,
                meanConfidence, referenceConfidence);
    }

    /** E.g. {@code shift: LARGE (intensity KS 0.83 on mean, LARGE; mean confidence 0.61 vs 0.93, LARGE)}. */
    public String line() {
        return String.format(Locale.ROOT, "shift: %s (intensity KS %.2f on %s, %s; mean confidence %.2f vs %.2f, %s)",
                level, intensityKs, intensityStatistic, intensityLevel, meanConfidence, referenceConfidence,
                confidenceLevel);
    }
}
