/**
 * Evaluation stage: metrics as pure functions over labels and scores, with bootstrap confidence intervals and paired comparisons, because a number without its uncertainty cannot be defended.
 */
package org.mriworkbench.eval;
