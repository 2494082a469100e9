package org.mriworkbench.data;

/**
 * A candidate near-duplicate pair with the evidence for and against it, so that a person can look at examples and
 * judge the thresholds instead of trusting them.
 *
 * @param a            index position of the first image (a &lt; b)
 * @param b            index position of the second image
 * @param hashDistance dHash Hamming distance
 * @param correlation  Pearson correlation of the 32×32 grayscale thumbnails
 * @param confirmed    whether both thresholds were met
 */
public record NearPair(int a, int b, int hashDistance, double correlation, boolean confirmed) {
}
