/**
 * Interpretability stage: saliency maps that show what a trained CNN looks at, so that a lesson (or a reviewer)
 * can check that a tumour classifier looks at the tumour and not at a scanner label or the skull.
 *
 * <p>Layers, as in MONAI: {@link org.mriworkbench.explain.ActivationsAndGradients} is the only class that runs a
 * DL4J network layer by layer and captures activations and gradients of a class logit; {@link
 * org.mriworkbench.explain.GradCam} (Selvaraju et al. 2017) and {@link org.mriworkbench.explain.VanillaSaliency}
 * (Simonyan et al. 2014) are a few lines of arithmetic on those captures; {@link
 * org.mriworkbench.explain.OcclusionSensitivity} (Zeiler &amp; Fergus 2014) needs only forward passes. All implement
 * {@link org.mriworkbench.explain.Explainer} and return a {@link org.mriworkbench.explain.SaliencyMap} of the input's
 * size.
 *
 * <p>Phantom tumours come with their masks, and the tests use them: after training a small CNN on phantoms, the
 * peak of each map must land on the tumour far more often than chance.
 */
package org.mriworkbench.explain;
