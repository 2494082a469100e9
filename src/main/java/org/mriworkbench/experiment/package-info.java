/**
 * Experiment stage: run folders, configs, manifests and provenance, so that any two runs can be reproduced and compared.
 *
 * <p>A run folder {@code runs/<yyyyMMdd-HHmmss>-<name>/} holds {@code config.json}, {@code manifest.json}
 * ({@link org.mriworkbench.experiment.Manifest}: seed, data and split fingerprints, library versions, JVM, OS, CPU,
 * git commit), {@code history.csv}, {@code model.zip}, {@code predictions.csv} and the latest checkpoint.
 * {@link org.mriworkbench.experiment.RunRecorder} writes the provenance, {@code train.Trainer} the rest, and
 * {@link org.mriworkbench.experiment.RunRecord} reads a folder back and diffs two runs.
 *
 * <p>What a run is handed on with: {@link org.mriworkbench.experiment.ModelCard} writes a Markdown model card from the
 * run folder alone, and {@link org.mriworkbench.experiment.ShiftCheck} tells whether a new folder of images is like
 * the run's training data before anyone reads the model's output on it.
 *
 * <p>The reference results: {@link org.mriworkbench.experiment.Reproduction} chooses the recipe on validation
 * ({@link org.mriworkbench.experiment.RecipeSelection}, a {@code sweep}), trains it with several seeds and the
 * seed-baseline, and {@link org.mriworkbench.experiment.ResultsTable} writes what they gave, generated, never typed.
 */
package org.mriworkbench.experiment;
