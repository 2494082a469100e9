/**
 * Data stage: finding images on disk (decoding them with {@code org.mriworkbench.decode}), indexing them, auditing duplicates and leakage, splitting without leakage, importing, and deciding where the data lives (falling back to the phantoms of {@code org.mriworkbench.phantom}). Everything downstream trusts this stage to say what the data really is, so it reports problems instead of hiding them.
 */
package org.mriworkbench.data;
