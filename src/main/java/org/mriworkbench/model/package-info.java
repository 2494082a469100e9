/**
 * Model stage: immutable CNN specifications and named presets that build Deeplearning4j networks, with their size
 * and cost made visible.
 *
 * <p>A {@link org.mriworkbench.model.CnnSpec} is the stored, comparable description; {@link
 * org.mriworkbench.model.CnnPresets} names the architectures lessons use; parameter and FLOP counts come from the
 * spec alone and are tested against DL4J's own count. The optimiser belongs to the trainer and is passed to
 * {@code build(updater, l2)}.
 */
package org.mriworkbench.model;
