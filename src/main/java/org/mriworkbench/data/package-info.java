/**
 * Data stage: finding images on disk, indexing them, auditing duplicates and leakage, splitting without leakage, and generating synthetic phantoms. Everything downstream trusts this stage to say what the data really is, so it reports problems instead of hiding them.
 */
package org.mriworkbench.data;
