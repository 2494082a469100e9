/**
 * Interpretability stage: saliency maps (Grad-CAM, occlusion, vanilla gradients) that show what a trained CNN looks at.
 */
package org.mriworkbench.explain;
