/**
 * Model stage: immutable CNN specifications and named presets that build Deeplearning4j networks, with their size and cost made visible.
 */
package org.mriworkbench.model;
