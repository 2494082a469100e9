/**
 * Prediction stage: the one way to turn an image file into a trained model's input and output. An image is decoded
 * as the tensor cache decoded the training images (luminance straight from the decoder when the pipeline starts with
 * grayscale) and preprocessed with the run's own recorded preprocessing ({@code data.json}), so a model never sees an
 * image prepared differently from those it learned on. {@code predict}, {@code explain}, {@code shift} and the
 * notebooks all go through {@link org.mriworkbench.predict.ImagePredictor}. Research and teaching only, not for
 * diagnosis.
 */
package org.mriworkbench.predict;
