package org.mriworkbench.eval;

import org.mriworkbench.core.Label;

/**
 * The screening question asked of a four-class model: is there a tumour at all? Which tumour it is matters
 * less than not missing one, so the four-class output is collapsed to a binary score
 * {@code P(tumour) = 1 - P(no tumour)} with y = 1 for every tumour class. Class indices follow
 * {@link Label#FOUR_CLASS}. The binary score can then go through {@link Ranking} and {@link OperatingPoints}.
 */
public final class TumourDetection {

    /** Column of {@link Label#NO_TUMOR} in four-class probabilities. */
    public static final int NO_TUMOR_INDEX = Label.FOUR_CLASS.indexOf(Label.NO_TUMOR);

    private TumourDetection() {
    }

    /** 1 for tumour classes, 0 for no tumour. */
    public static int[] tumourLabels(int[] fourClassLabels) {
        int[] y = new int[fourClassLabels.length];
        for (int i = 0; i < y.length; i++) {
            Checks.labelInRange(fourClassLabels[i], Label.FOUR_CLASS.size(), i);
            y[i] = fourClassLabels[i] == NO_TUMOR_INDEX ? 0 : 1;
        }
        return y;
    }

    /** {@code 1 - P(no tumour)} per row of four-class probabilities. */
    public static double[] tumourScores(double[][] fourClassProbs) {
        double[] s = new double[fourClassProbs.length];
        for (int i = 0; i < s.length; i++) {
            if (fourClassProbs[i].length != Label.FOUR_CLASS.size()) {
                throw new IllegalArgumentException("row " + i + " is not four-class");
            }
            s[i] = score(fourClassProbs[i]);
        }
        return s;
    }

    /**
     * P(tumour) of one probability row of either task: the {@code TUMOR} column of a binary row, {@code 1 - P(no
     * tumour)} of a four-class row. Binary runs choose their operating threshold on that column, so prediction must
     * report the same number.
     */
    public static double score(double[] row) {
        if (row.length == 2) {
            return row[1];
        }
        if (row.length != Label.FOUR_CLASS.size()) {
            throw new IllegalArgumentException("a probability row has 2 (binary) or " + Label.FOUR_CLASS.size()
                    + " (four-class) entries, not " + row.length);
        }
        return 1 - row[NO_TUMOR_INDEX];
    }

    /** P(tumour) per row of the probabilities of a task with {@code k} classes (2: binary, 4: four-class). */
    public static double[] scores(double[][] probs, int k) {
        return k == 2 ? Ranking.column(probs, 1) : tumourScores(probs);
    }

    /** Binary labels (1 = tumour) of the labels of a task with {@code k} classes (2: binary, 4: four-class). */
    public static int[] labels(int[] labels, int k) {
        return k == 2 ? labels.clone() : tumourLabels(labels);
    }

    /** AUC of tumour versus no tumour. */
    public static MetricValue auc(int[] fourClassLabels, double[][] fourClassProbs) {
        return Ranking.rocAuc(tumourLabels(fourClassLabels), tumourScores(fourClassProbs));
    }

    /** Average precision of tumour versus no tumour. */
    public static MetricValue averagePrecision(int[] fourClassLabels, double[][] fourClassProbs) {
        return Ranking.averagePrecision(tumourLabels(fourClassLabels), tumourScores(fourClassProbs));
    }
}
