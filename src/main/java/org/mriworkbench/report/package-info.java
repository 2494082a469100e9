/**
 * Report stage: what a finished run is handed on with, written from the run folder alone.
 * {@link org.mriworkbench.report.EvaluationReport} writes {@code evaluate}'s {@code metrics.json} and charts from the
 * figures {@code eval.RunEvaluator} computes; {@link org.mriworkbench.report.ModelCard} writes a Markdown model card
 * (intended use, data, training, the evaluation's figures with intervals, known failure modes), and
 * {@link org.mriworkbench.report.FailureGallery} draws the most confident test errors with Grad-CAM. Dependencies run
 * one way: the card uses the evaluation section and the gallery, never the reverse.
 */
package org.mriworkbench.report;
