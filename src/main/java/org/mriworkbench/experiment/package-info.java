/**
 * Experiment stage: a run, from prepared data to a folder on disk that any later step can read back, so that any two
 * runs can be reproduced and compared.
 *
 * <p>{@link org.mriworkbench.experiment.PreparedData} holds the scanned, audited, split and preprocessed images;
 * {@link org.mriworkbench.experiment.ExperimentRunner} trains one config on them, with the per-class limits of a
 * {@link org.mriworkbench.experiment.Profile}, and leaves a run folder
 * {@code runs/<yyyyMMdd-HHmmss>-<name>/}. {@link org.mriworkbench.experiment.RunFolder} names every file in it
 * ({@code config.json}, {@code manifest.json}, {@code data.json}, {@code history.csv}, {@code model.zip},
 * predictions, test clusters, metrics); {@link org.mriworkbench.experiment.RunRecorder} writes the provenance
 * ({@link org.mriworkbench.experiment.Manifest}: seed, fingerprints, libraries, JVM, CPU, git commit;
 * {@link org.mriworkbench.experiment.RunData}: the data side, written and read as one typed record), and
 * {@link org.mriworkbench.experiment.RunRecord} and {@link org.mriworkbench.experiment.RunRegistry} read folders back,
 * list them and diff two runs. Old run folders must keep loading: {@code LegacyRunFolderTest} holds one.
 *
 * <p>What happens to a run afterwards lives above this package: {@code predict} applies its model to image files,
 * {@code shift} checks new images against its training data, {@code report} writes its evaluation and model card,
 * and {@code reproduce} builds the reference results from many runs.
 */
package org.mriworkbench.experiment;
