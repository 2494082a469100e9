package org.mriworkbench.report;

import org.mriworkbench.core.ArgMax;
import org.mriworkbench.eval.Predictions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One misclassified test image. The most confident errors are where a model is wrong and sure of it; the model card
 * lists them and the failure gallery draws them, so both must pick the same images in the same order.
 *
 * @param id          the image's id in the predictions
 * @param truth       its true class
 * @param predicted   the class the model chose
 * @param probability the model's probability for that (wrong) class
 */
public record Misclassification(String id, String truth, String predicted, double probability) {

    /** The misclassified images of {@code p}, most confident first (ties by id, so the order is stable). */
    public static List<Misclassification> mostConfident(Predictions p, int limit) {
        List<Misclassification> out = new ArrayList<>();
        int[] y = p.labels();
        double[][] probs = p.probabilities();
        int[] predicted = ArgMax.ofRows(probs);
        for (int i = 0; i < y.length; i++) {
            if (predicted[i] != y[i]) {
                out.add(new Misclassification(p.ids().get(i), p.classNames().get(y[i]),
                        p.classNames().get(predicted[i]), probs[i][predicted[i]]));
            }
        }
        out.sort(Comparator.comparingDouble(Misclassification::probability).reversed()
                .thenComparing(Misclassification::id));
        return List.copyOf(out.subList(0, Math.min(limit, out.size())));
    }
}
