package org.mriworkbench.shift;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.mriworkbench.data.ImageIntensity;
import org.mriworkbench.core.Label;
import org.mriworkbench.eval.ConfidenceSummary;
import org.mriworkbench.eval.KolmogorovSmirnov;
import org.mriworkbench.predict.ImagePredictor.ImagePrediction;
import org.mriworkbench.runeval.RunEvaluation;

/**
 * What {@link ShiftCheck} found for one folder: per image its raw intensity statistics and the model's prediction;
 * the same statistics for the reference (training) images with a Kolmogorov-Smirnov test per statistic; the model's
 * confidence here and on its own test set; metrics when the folder has labels; every skipped file; and the
 * {@link ShiftVerdict}. Kept as data so that the command line, a CSV and a notebook can each show it their way.
 *
 * @param folder                  the folder checked
 * @param reference               what stood in for the training data, in words
 * @param confidenceReference     where the reference confidences come from, in words
 * @param images                  the images measured and classified, in path order
 * @param referenceIntensities    the reference images' statistics
 * @param intensityTests          one test per {@link ImageIntensity#STATISTICS} entry, in that order
 * @param confidence              top-label confidence on the folder
 * @param referenceConfidence     top-label confidence on the reference
 * @param referenceConfidences    the reference confidences themselves, for charts
 * @param confidenceTest          KS test of the two confidence samples
 * @param evaluation              metrics with bootstrap intervals, when the folder has labels the task can use
 * @param skipped                 files of the folder that were skipped, "path: reason"
 * @param notes                   caveats about the comparison (e.g. reference files that could not be read)
 * @param verdict                 the one-line answer
 */
public record ShiftReport(Path folder, String reference, String confidenceReference, List<ImageResult> images,
                          List<ImageIntensity> referenceIntensities, List<IntensityTest> intensityTests,
                          ConfidenceSummary confidence, ConfidenceSummary referenceConfidence,
                          List<Double> referenceConfidences, KolmogorovSmirnov confidenceTest,
                          Optional<RunEvaluation> evaluation, List<String> skipped, List<String> notes,
                          ShiftVerdict verdict) {

    public ShiftReport {
        Objects.requireNonNull(folder, "folder");
        images = List.copyOf(images);
        referenceIntensities = List.copyOf(referenceIntensities);
        intensityTests = List.copyOf(intensityTests);
        referenceConfidences = List.copyOf(referenceConfidences);
        Objects.requireNonNull(evaluation, "evaluation");
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
        Objects.requireNonNull(verdict, "verdict");
    }

    /**
     * One image of the folder.
     *
     * @param label      its label when the folder's layout gives one
     * @param prediction the model's prediction (with the run's preprocessing)
     * @param intensity  its raw intensity statistics
     */
    public record ImageResult(Path file, Optional<Label> label, ImagePrediction prediction, ImageIntensity intensity) {

        /** The largest class probability. */
        public double confidence() {
            return ConfidenceSummary.maxProbability(prediction.probabilities());
        }
    }

    /**
     * One per-image statistic compared between folder and reference.
     *
     * @param folderMean    its mean over the folder's images
     * @param referenceMean its mean over the reference images
     * @param ks            the two-sample KS test of the per-image values
     */
    public record IntensityTest(String statistic, double folderMean, double referenceMean, KolmogorovSmirnov ks) {
    }

    /** The folder's intensity statistics, one entry per image. */
    public List<ImageIntensity> intensities() {
        return images.stream().map(ImageResult::intensity).toList();
    }

    /** The folder's top-label confidences, one per image. */
    public double[] confidences() {
        return images.stream().mapToDouble(ImageResult::confidence).toArray();
    }

    /** How many images have each size, e.g. {@code 224x224 -> 40}, sizes in name order. */
    public static Map<String, Long> sizes(List<ImageIntensity> intensities) {
        Map<String, Long> out = new TreeMap<>();
        for (ImageIntensity i : intensities) {
            out.merge(i.size(), 1L, Long::sum);
        }
        return out;
    }
}
