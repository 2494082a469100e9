package org.mriworkbench.data;

/** The role of an image in one split; {@link #EXCLUDED} images are kept out of every subset, with a reason. */
public enum Subset { TRAIN, VALIDATION, TEST, EXCLUDED }
