package org.mriworkbench.eval;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Turning a score into a decision. For tumour screening a missed tumour costs far more than a false alarm, so
 * the usual recipe is: on validation data pick the threshold that keeps sensitivity at or above a target, then
 * report sensitivity, specificity, PPV and NPV at that fixed threshold on the test data.
 *
 * <p>Thresholds are candidate scores themselves and a sample is positive iff its score is at least the
 * threshold. Sensitivity can only fall as the threshold rises, so "the highest threshold whose sensitivity
 * meets the target" is the one with the best specificity subject to the constraint.
 */
public final class OperatingPoints {

    private OperatingPoints() {
    }

    /** Counts and rates at one threshold. */
    public static OperatingPoint at(int[] y, double[] scores, double threshold) {
        Checks.binary(y, scores);
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < y.length; i++) {
            boolean positive = scores[i] >= threshold;
            if (y[i] == 1) {
                if (positive) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (positive) {
                fp++;
            } else {
                tn++;
            }
        }
        return OperatingPoint.of(threshold, tp, fp, tn, fn);
    }

    /** Operating points at every distinct score, in decreasing threshold order. */
    public static List<OperatingPoint> sweep(int[] y, double[] scores) {
        BinaryCounts bc = BinaryCounts.of(y, scores);
        List<OperatingPoint> out = new ArrayList<>(bc.size());
        for (int i = 0; i < bc.size(); i++) {
            out.add(point(bc, i));
        }
        return List.copyOf(out);
    }

    /** Operating points at the given thresholds, in the given order. */
    public static List<OperatingPoint> sweep(int[] y, double[] scores, double[] thresholds) {
        List<OperatingPoint> out = new ArrayList<>(thresholds.length);
        for (double t : thresholds) {
            out.add(at(y, scores, t));
        }
        return List.copyOf(out);
    }

    /**
     * The highest threshold whose sensitivity on these (validation) scores is at least {@code target}. Always
     * exists when there are positives, since the lowest score gives sensitivity 1; without positives the
     * choice is undefined and the threshold is NaN.
     */
    public static ThresholdChoice thresholdForSensitivity(int[] y, double[] scores, double target) {
        if (!(target >= 0 && target <= 1)) {
            throw new IllegalArgumentException("target sensitivity must be in [0, 1], got " + target);
        }
        BinaryCounts bc = BinaryCounts.of(y, scores);
        if (bc.positives() == 0) {
            return new ThresholdChoice(target, OperatingPoint.of(Double.NaN, 0, 0, bc.negatives(), 0),
                    "no positive samples: sensitivity is undefined");
        }
        for (int i = 0; i < bc.size(); i++) {
            if (bc.tps()[i] >= target * bc.positives()) {
                return new ThresholdChoice(target, point(bc, i), "");
            }
        }
        throw new AssertionError("the lowest score has sensitivity 1");
    }

    /** The sweep as a Tablesaw table with columns threshold, sensitivity, specificity, ppv, npv, tp, fp, tn, fn. */
    public static Table toTable(List<OperatingPoint> points) {
        DoubleColumn thr = DoubleColumn.create("threshold");
        DoubleColumn sens = DoubleColumn.create("sensitivity");
        DoubleColumn spec = DoubleColumn.create("specificity");
        DoubleColumn ppv = DoubleColumn.create("ppv");
        DoubleColumn npv = DoubleColumn.create("npv");
        LongColumn tp = LongColumn.create("tp");
        LongColumn fp = LongColumn.create("fp");
        LongColumn tn = LongColumn.create("tn");
        LongColumn fn = LongColumn.create("fn");
        for (OperatingPoint p : points) {
            thr.append(p.threshold());
            sens.append(p.sensitivity());
            spec.append(p.specificity());
            ppv.append(p.ppv());
            npv.append(p.npv());
            tp.append(p.tp());
            fp.append(p.fp());
            tn.append(p.tn());
            fn.append(p.fn());
        }
        return Table.create("operating points", thr, sens, spec, ppv, npv, tp, fp, tn, fn);
    }

    private static OperatingPoint point(BinaryCounts bc, int i) {
        long tp = bc.tps()[i];
        long fp = bc.fps()[i];
        return OperatingPoint.of(bc.thresholds()[i], tp, fp, bc.negatives() - fp, bc.positives() - tp);
    }
}
