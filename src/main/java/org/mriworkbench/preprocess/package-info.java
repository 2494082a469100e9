/**
 * Preprocessing stage: small immutable image operations (grayscale, resize-with-padding, intensity normalisation, denoising) composed into a pipeline, plus an on-disk tensor cache so that repeated experiments do not pay for decoding again.
 */
package org.mriworkbench.preprocess;
