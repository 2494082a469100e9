/**
 * Evaluating and comparing whole runs: {@link org.mriworkbench.runeval.RunEvaluator} turns a run's
 * {@link org.mriworkbench.eval.Predictions} into a {@link org.mriworkbench.runeval.RunEvaluation} (headline figures
 * with intervals, operating point, calibration), {@link org.mriworkbench.runeval.RunComparison} is the paired test
 * of two runs on the same images, and {@link org.mriworkbench.runeval.LeakageEffect} measures what a leaky split
 * adds to a score. They compute only: reading run folders and writing files belongs to the stages above.
 *
 * <p>Its own room just above {@code eval} because it is the one place that decides which metrics make a run's
 * headline and how they are combined; {@code eval}'s metrics stay pure functions over labels and scores that know
 * nothing of runs, and nothing in {@code eval} refers to this package.
 */
package org.mriworkbench.runeval;
