package org.mriworkbench.runeval;

import org.mriworkbench.eval.Bootstrap;
import org.mriworkbench.eval.DeLong;
import org.mriworkbench.eval.McNemar;
import org.mriworkbench.eval.Metrics;
import org.mriworkbench.eval.PairedComparison;
import org.mriworkbench.eval.Predictions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether run A really differs from run B on the same test images: DeLong on tumour AUC always, McNemar on accuracy
 * (and, when asked, a paired bootstrap of the accuracy difference) when both runs have the same classes. Two
 * intervals that overlap do not show two models are alike; a paired test uses the fact that the same hard images
 * trouble both. {@code compare}, the notebooks and the reproduction all ask this one question, so they compute it here.
 *
 * @param nameA             what to call run A in sentences
 * @param nameB             what to call run B
 * @param n                 paired test images
 * @param tumourAuc         DeLong on the tumour-detection view (P(tumour) = 1 - P(no tumour)); difference is A - B
 * @param accuracy          McNemar on accuracy, or null when the runs have different classes (then only the
 *                          tumour question is shared)
 * @param accuracyBootstrap paired bootstrap of the accuracy difference, or null when not asked or not comparable
 */
public record RunComparison(String nameA, String nameB, int n, PairedComparison tumourAuc, PairedComparison accuracy,
                            PairedComparison accuracyBootstrap) {

    public RunComparison {
        Objects.requireNonNull(tumourAuc, "tumourAuc");
    }

    /** Whether two runs predicted the same test images in the same order, as a paired comparison needs. */
    public static boolean sameImages(Predictions a, Predictions b) {
        return a.ids().equals(b.ids());
    }

    /** As {@link #of(String, Predictions, String, Predictions, Bootstrap)} without the paired bootstrap. */
    public static RunComparison of(String nameA, Predictions a, String nameB, Predictions b) {
        return of(nameA, a, nameB, b, null);
    }

    /**
     * Compares A with B; {@code bootstrap} (may be null) adds a paired bootstrap of the accuracy difference.
     *
     * @throws IllegalArgumentException when the runs were not tested on the same images
     */
    public static RunComparison of(String nameA, Predictions a, String nameB, Predictions b, Bootstrap bootstrap) {
        if (!sameImages(a, b)) {
            throw new IllegalArgumentException("the two runs were tested on different images; a paired comparison "
                    + "needs the same test set (same data, split mode and split seed)");
        }
        int[] y = a.labels();
        int ka = a.classNames().size();
        int kb = b.classNames().size();
        PairedComparison auc = DeLong.compare(RunEvaluator.detectionLabels(y, ka),
                RunEvaluator.detectionScores(a.probabilities(), ka), RunEvaluator.detectionScores(b.probabilities(), kb));
        PairedComparison acc = null;
        PairedComparison boot = null;
        if (sameClasses(a, b)) {
            acc = McNemar.compare(y, a.probabilities(), b.probabilities());
            if (bootstrap != null) {
                boot = bootstrap.pairedDifference(Metrics.ACCURACY, y, a.probabilities(), b.probabilities());
            }
        }
        return new RunComparison(nameA, nameB, y.length, auc, acc, boot);
    }

    /** Whether both runs have the same classes, so that accuracy compares like with like. */
    public static boolean sameClasses(Predictions a, Predictions b) {
        return a.classNames().equals(b.classNames());
    }

    /** One plain sentence per test made: tumour AUC first, then accuracy when the runs are comparable on it. */
    public List<String> sentences() {
        List<String> out = new ArrayList<>();
        out.add(tumourAuc.sentence(nameA, nameB));
        if (accuracy != null) {
            out.add(accuracy.sentence(nameA, nameB));
        }
        if (accuracyBootstrap != null) {
            out.add(accuracyBootstrap.sentence(nameA, nameB));
        }
        return List.copyOf(out);
    }
}
