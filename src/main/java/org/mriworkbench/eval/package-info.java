/**
 * Evaluation stage: metrics as pure functions over labels and scores, with bootstrap confidence intervals and
 * paired comparisons, because a number without its uncertainty cannot be defended.
 *
 * <p>A run's {@link org.mriworkbench.eval.Predictions} (its probabilities on every test image, as kept in the run
 * folder) live here; turning them into a run's evaluation or comparing two runs is the next layer up,
 * {@code org.mriworkbench.runeval}.
 *
 * <p>Conventions that hold across the package:
 * <ul>
 *   <li>Input is {@code int[] labels} (class indices, {@link org.mriworkbench.core.Label#FOUR_CLASS} order for
 *       four-class models) with an n-by-k {@code double[][]} of probabilities, or for binary curves
 *       {@code int[] y} in {0, 1} with {@code double[] scores}, higher meaning more positive.</li>
 *   <li>Hard predictions are the arg-max, ties going to the lower index; thresholds mean "positive iff score
 *       &gt;= threshold".</li>
 *   <li>Malformed input (mismatched lengths, labels out of range, non-finite scores) throws
 *       {@link java.lang.IllegalArgumentException}. A statistic that is merely undefined on a valid sample is
 *       NaN, never an exception: functions that can hit this return {@link org.mriworkbench.eval.MetricValue}
 *       with the reason, records hold NaN in the affected fields. This is what lets a bootstrap resample
 *       without a tumour slice carry on.</li>
 *   <li>Results are immutable records (arrays are copied in and out) and serialise with Jackson.</li>
 *   <li>Everything random takes an explicit seed ({@link org.mriworkbench.eval.Bootstrap}).</li>
 *   <li>Definitions follow scikit-learn where one exists, and the sklearn oracle test checks them; where this
 *       package deliberately differs (NaN instead of 0 for zero division, +infinity first ROC threshold,
 *       PR curve order) the class Javadoc says so.</li>
 * </ul>
 */
package org.mriworkbench.eval;
import org.mriworkbench.runeval.RunEvaluator;
import org.mriworkbench.runeval.RunEvaluation;
import org.mriworkbench.runeval.RunComparison;

