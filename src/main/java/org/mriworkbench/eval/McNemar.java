package org.mriworkbench.eval;

import org.mriworkbench.core.ArgMax;

/**
 * McNemar's test (McNemar 1947) for two classifiers scored on the same images: only the discordant pairs carry
 * information, b = images A gets right and B gets wrong, c = the reverse. Under "equal accuracy" b is
 * Binomial(b + c, 1/2).
 *
 * <p>Variant: when {@code b + c < } {@link #EXACT_BELOW} the exact two-sided binomial p-value
 * {@code min(1, 2 P(X <= min(b, c)))} is used, because the chi-square approximation is poor for few discordant
 * pairs; otherwise the chi-square statistic with Edwards' continuity correction,
 * {@code max(0, |b - c| - 1)^2 / (b + c)} on one degree of freedom. With no discordant pairs there is no
 * evidence of a difference and p = 1. The 95% interval for the accuracy difference {@code (b - c) / n} is the
 * Wald interval for paired proportions (Agresti 2013, section 11.1), {@code se = sqrt(b + c - (b - c)^2 / n) / n}.
 */
public final class McNemar {

    /** Discordant-pair count below which the exact binomial test is used. */
    public static final int EXACT_BELOW = 25;

    private McNemar() {
    }

    /**
     * The paired table of two classifiers on the same images: b = A right and B wrong, c = A wrong and B right, the
     * images each got right, and n. Kept as counts so that tables from several pairings of the same kind (e.g. the
     * seeds of two configurations) can be summed and tested once; see {@link #compare(Counts)}.
     */
    public record Counts(int b, int c, int rightA, int rightB, int n) {
        /** Both tables together. */
        public Counts plus(Counts o) {
            return new Counts(b + o.b, c + o.c, rightA + o.rightA, rightB + o.rightB, n + o.n);
        }
    }

    /** Compares the arg-max correctness of two probability matrices against the same labels. */
    public static PairedComparison compare(int[] labels, double[][] probsA, double[][] probsB) {
        return compare(counts(labels, probsA, probsB));
    }

    /** The paired table of the arg-max correctness of two probability matrices against the same labels. */
    public static Counts counts(int[] labels, double[][] probsA, double[][] probsB) {
        Checks.classification(labels, probsA);
        Checks.classification(labels, probsB);
        int[] predA = ArgMax.ofRows(probsA);
        int[] predB = ArgMax.ofRows(probsB);
        boolean[] correctA = new boolean[labels.length];
        boolean[] correctB = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            correctA[i] = predA[i] == labels[i];
            correctB[i] = predB[i] == labels[i];
        }
        return counts(correctA, correctB);
    }

    /** Compares two per-sample correctness vectors of equal length. */
    public static PairedComparison compare(boolean[] correctA, boolean[] correctB) {
        return compare(counts(correctA, correctB));
    }

    /** The paired table of two per-sample correctness vectors of equal length. */
    public static Counts counts(boolean[] correctA, boolean[] correctB) {
        if (correctA.length != correctB.length || correctA.length == 0) {
            throw new IllegalArgumentException("need two non-empty correctness vectors of equal length");
        }
        int n = correctA.length;
        int b = 0;
        int c = 0;
        int rightA = 0;
        int rightB = 0;
        for (int i = 0; i < n; i++) {
            rightA += correctA[i] ? 1 : 0;
            rightB += correctB[i] ? 1 : 0;
            if (correctA[i] && !correctB[i]) {
                b++;
            } else if (!correctA[i] && correctB[i]) {
                c++;
            }
        }
        return new Counts(b, c, rightA, rightB, n);
    }

    /**
     * The test on a paired table, e.g. one summed over seeds. A summed table counts each image once per pairing, so
     * its p-value and interval treat those pairings as independent, which models scored on the same images are not:
     * read a pooled p as a summary of consistent direction, not an exact error rate.
     */
    public static PairedComparison compare(Counts k) {
        if (k.n() <= 0) {
            throw new IllegalArgumentException("need at least one paired image, got n=" + k.n());
        }
        return fromCounts(k.b(), k.c(), k.rightA() / (double) k.n(), k.rightB() / (double) k.n(), k.n());
    }

    /** The test from discordant counts alone, for tables reported elsewhere. */
    public static double pValue(int b, int c) {
        int discordant = b + c;
        if (discordant == 0) {
            return 1.0;
        }
        if (discordant < EXACT_BELOW) {
            return Math.min(1.0, 2 * binomialCdfHalf(Math.min(b, c), discordant));
        }
        double corrected = Math.max(0, Math.abs(b - c) - 1.0);
        return Distributions.chiSquare1Upper(corrected * corrected / discordant);
    }

    private static PairedComparison fromCounts(int b, int c, double accA, double accB, int n) {
        int discordant = b + c;
        double diff = (b - c) / (double) n;
        double se = Math.sqrt(Math.max(0, discordant - (b - c) * (double) (b - c) / n)) / n;
        String method = discordant < EXACT_BELOW ? "McNemar exact" : "McNemar chi-square";
        String note = "b=" + b + " (A right, B wrong), c=" + c + " (A wrong, B right)"
                + (discordant == 0 ? "; no discordant pairs" : "");
        return new PairedComparison(method, accA, accB, diff, diff - Distributions.Z95 * se,
                diff + Distributions.Z95 * se, pValue(b, c), n, note);
    }

    /** P(X &lt;= k) for X ~ Binomial(n, 1/2), summed exactly enough for n &lt; a few hundred. */
    static double binomialCdfHalf(int k, int n) {
        double term = Math.pow(0.5, n);
        double sum = term;
        for (int i = 1; i <= k; i++) {
            term = term * (n - i + 1) / i;
            sum += term;
        }
        return sum;
    }
}
