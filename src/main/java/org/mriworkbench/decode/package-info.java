/**
 * Decoding one image file safely: format sniffing by content, JPEG and PNG readers, EXIF orientation, grayscale
 * luminance, a pixel limit checked before decoding, and {@link org.mriworkbench.decode.ImageDecodeException} naming
 * the file and what is wrong with it.
 *
 * <p>Its own room below {@code data} because every later stage that opens an image (preprocessing, prediction, the
 * shift check, charts) needs the decoder but not the data set's scanning, audit or splits; and the decoder needs
 * nothing but {@code core}. Bad files are the decoder's whole concern, so keeping it small keeps that concern visible.
 */
package org.mriworkbench.decode;
