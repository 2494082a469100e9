/**
 * Experiment stage: run folders, configs, manifests and provenance, so that any two runs can be reproduced and compared.
 */
package org.mriworkbench.experiment;
