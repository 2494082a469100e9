package org.mriworkbench.data;

/**
 * Thresholds of the duplicate audit. A perceptual hash alone is not trusted: at small distances it finds copies of
 * the same slice, but it also pairs unrelated slices that merely share a head outline (on the real data, 48 pairs at
 * dHash distance 0 correlate below 0.9). So a candidate pair must pass both a hash distance and a pixel
 * correlation of the grayscale thumbnails.
 *
 * @param maxHashDistance most differing dHash bits for a candidate pair (0–64)
 * @param minCorrelation  least Pearson correlation of the 32×32 thumbnails for a candidate to count as a near copy
 */
public record AuditConfig(int maxHashDistance, double minCorrelation) {

    /** Defaults chosen by looking at pairs on the real data; see the README's audit section. */
    public static final AuditConfig DEFAULT = new AuditConfig(10, 0.97);

    public AuditConfig {
        if (maxHashDistance < 0 || maxHashDistance > 64) {
            throw new IllegalArgumentException("maxHashDistance must be in 0..64, got " + maxHashDistance);
        }
        if (!(minCorrelation >= -1 && minCorrelation <= 1)) {
            throw new IllegalArgumentException("minCorrelation must be in [-1,1], got " + minCorrelation);
        }
    }

    public AuditConfig withMaxHashDistance(int d) {
        return new AuditConfig(d, minCorrelation);
    }

    public AuditConfig withMinCorrelation(double c) {
        return new AuditConfig(maxHashDistance, c);
    }
}
