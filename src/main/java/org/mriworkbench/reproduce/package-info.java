/**
 * Reproduce stage: the reference results, generated, never typed. {@link org.mriworkbench.reproduce.Reproduction}
 * chooses the recipe on validation ({@link org.mriworkbench.reproduce.RecipeSelection}, a {@code sweep}), trains it
 * with several seeds and the seed-baseline, compares them pairwise ({@link org.mriworkbench.reproduce.ReferencePair}),
 * splits the test set by closeness to training ({@link org.mriworkbench.reproduce.ClosenessSplit}), runs the shift
 * checks ({@link org.mriworkbench.reproduce.ReferenceShift}) and re-runs one config to show the numbers repeat;
 * {@link org.mriworkbench.reproduce.ResultsTable} writes what they gave as {@code RESULTS.md} with a model card per run.
 */
package org.mriworkbench.reproduce;
