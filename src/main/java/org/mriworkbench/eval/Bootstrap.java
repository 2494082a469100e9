package org.mriworkbench.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Nonparametric bootstrap (Efron 1979; Efron &amp; Tibshirani 1993, ch. 13) percentile intervals for any
 * {@link Metric}, and a paired bootstrap for the difference of a metric between two models on the same images.
 * Resampling is over images with replacement, seeded, single-threaded and therefore exactly reproducible.
 *
 * <p>A resample on which the metric is undefined (say, AUC with no positive drawn) yields NaN; it is dropped
 * and counted in {@link BootstrapInterval#nanCount()} rather than aborting the run, so a reader can see when
 * an interval rests on fewer resamples than requested. Percentiles use linear interpolation between order
 * statistics (numpy's default, Hyndman &amp; Fan type 7).
 *
 * <p>Cluster bootstrap ({@link #interval(Metric, int[], double[][], int[])}, Davison &amp; Hinkley 1997, section
 * 3.8; Field &amp; Welsh 2007): when samples come in clusters that are not independent (near copies of one slice,
 * neighbouring slices of one patient), whole clusters are drawn with replacement, as many as there are clusters, and
 * every member of a drawn cluster enters the resample. A per-image bootstrap would treat ten copies of one image as
 * ten independent witnesses and give too narrow an interval. Clusters are numbered in order of first appearance and
 * drawn with the same generator calls as images, so when every cluster is a single image the cluster bootstrap draws
 * exactly the per-image resamples and gives the same interval for the same seed.
 *
 * <p>The paired p-value inverts the percentile interval: {@code p = min(1, 2 (1 + min(#{d <= 0}, #{d >= 0}))
 * / (B + 1))} over the B valid differences d. It is approximate and never 0, and with coarse metrics such as
 * accuracy, ties at exactly zero make it conservative.
 *
 * @param resamples  number of resamples B, at least 1 (2000 is customary for 95% percentile intervals)
 * @param confidence nominal coverage in (0, 1)
 * @param seed       seed of the resampling generator; record it with the results
 */
public record Bootstrap(int resamples, double confidence, long seed) {

    /** Default number of resamples. */
    public static final int DEFAULT_RESAMPLES = 2000;

    public Bootstrap {
        if (resamples < 1) {
            throw new IllegalArgumentException("need at least one resample, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }

    /** 2000 resamples, 95% intervals, the given seed. */
    public static Bootstrap withSeed(long seed) {
        return new Bootstrap(DEFAULT_RESAMPLES, 0.95, seed);
    }

    /** A copy with another resample count. */
    public Bootstrap withResamples(int count) {
        return new Bootstrap(count, confidence, seed);
    }

    /** A copy with another confidence level. */
    public Bootstrap withConfidence(double level) {
        return new Bootstrap(resamples, level, seed);
    }

    /** Percentile interval for {@code metric} over (labels, probabilities). */
    public BootstrapInterval interval(Metric metric, int[] labels, double[][] probs) {
        Checks.classification(labels, probs);
        double estimate = metric.compute(labels, probs);
        int n = labels.length;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] values = new double[resamples];
        int[] idx = new int[n];
        int[] l = new int[n];
        double[][] p = new double[n][];
        int valid = 0;
        for (int b = 0; b < resamples; b++) {
            draw(rng, idx);
            for (int i = 0; i < n; i++) {
                l[i] = labels[idx[i]];
                p[i] = probs[idx[i]];
            }
            double v = metric.compute(l, p);
            if (!Double.isNaN(v)) {
                values[valid++] = v;
            }
        }
        double[] bounds = percentiles(values, valid);
        return new BootstrapInterval(estimate, bounds[0], bounds[1], confidence, resamples, resamples - valid, seed);
    }

    /**
     * Cluster-bootstrap percentile interval: {@code clusters[i]} is the cluster of sample i (any ints; equal ints are
     * one cluster), and whole clusters are resampled. {@code clusters == null} is the per-image bootstrap.
     */
    public BootstrapInterval interval(Metric metric, int[] labels, double[][] probs, int[] clusters) {
        if (clusters == null) {
            return interval(metric, labels, probs);
        }
        Checks.classification(labels, probs);
        int[][] members = members(clusters, labels.length);
        double estimate = metric.compute(labels, probs);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] values = new double[resamples];
        int valid = 0;
        for (int b = 0; b < resamples; b++) {
            int[] idx = drawClusters(rng, members);
            int[] l = new int[idx.length];
            double[][] p = new double[idx.length][];
            for (int i = 0; i < idx.length; i++) {
                l[i] = labels[idx[i]];
                p[i] = probs[idx[i]];
            }
            double v = metric.compute(l, p);
            if (!Double.isNaN(v)) {
                values[valid++] = v;
            }
        }
        double[] bounds = percentiles(values, valid);
        return new BootstrapInterval(estimate, bounds[0], bounds[1], confidence, resamples, resamples - valid, seed);
    }

    /** Paired bootstrap of {@code metric(A) - metric(B)}, resampling the same images for both models. */
    public PairedComparison pairedDifference(Metric metric, int[] labels, double[][] probsA, double[][] probsB) {
        return pairedDifference(metric, labels, probsA, probsB, null);
    }

    /**
     * Paired bootstrap of {@code metric(A) - metric(B)} resampling whole clusters ({@code clusters[i]} of sample i),
     * the same ones for both models; {@code clusters == null} resamples images.
     */
    public PairedComparison pairedDifference(Metric metric, int[] labels, double[][] probsA, double[][] probsB,
                                             int[] clusters) {
        Checks.classification(labels, probsA);
        Checks.classification(labels, probsB);
        double a = metric.compute(labels, probsA);
        double bEst = metric.compute(labels, probsB);
        int n = labels.length;
        int[][] members = clusters == null ? null : members(clusters, n);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] diffs = new double[resamples];
        int[] idx = new int[n];
        int valid = 0;
        for (int r = 0; r < resamples; r++) {
            if (members == null) {
                draw(rng, idx);
            } else {
                idx = drawClusters(rng, members);
            }
            int m = idx.length;
            int[] l = new int[m];
            double[][] pa = new double[m][];
            double[][] pb = new double[m][];
            for (int i = 0; i < m; i++) {
                l[i] = labels[idx[i]];
                pa[i] = probsA[idx[i]];
                pb[i] = probsB[idx[i]];
            }
            double d = metric.compute(l, pa) - metric.compute(l, pb);
            if (!Double.isNaN(d)) {
                diffs[valid++] = d;
            }
        }
        double[] bounds = percentiles(diffs, valid);
        int atOrBelow = 0;
        int atOrAbove = 0;
        for (int i = 0; i < valid; i++) {
            atOrBelow += diffs[i] <= 0 ? 1 : 0;
            atOrAbove += diffs[i] >= 0 ? 1 : 0;
        }
        double p = valid == 0 ? Double.NaN
                : Math.min(1.0, 2.0 * (1 + Math.min(atOrBelow, atOrAbove)) / (valid + 1));
        String note = resamples + " resamples" + (members == null ? "" : " of " + members.length + " clusters") + ", "
                + (resamples - valid) + " undefined dropped, seed " + seed;
        return new PairedComparison(members == null ? "paired bootstrap" : "paired cluster bootstrap", a, bEst,
                a - bEst, bounds[0], bounds[1], p, n, note);
    }

    /** Members of each cluster, clusters numbered by first appearance, members in sample order. */
    static int[][] members(int[] clusters, int n) {
        if (clusters.length != n) {
            throw new IllegalArgumentException(clusters.length + " cluster ids for " + n + " samples");
        }
        java.util.Map<Integer, java.util.List<Integer>> byId = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byId.computeIfAbsent(clusters[i], k -> new java.util.ArrayList<>()).add(i);
        }
        int[][] out = new int[byId.size()][];
        int c = 0;
        for (java.util.List<Integer> m : byId.values()) {
            out[c++] = m.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** One cluster resample: as many cluster draws as there are clusters, every member of each drawn cluster. */
    private static int[] drawClusters(SplittableRandom rng, int[][] members) {
        int k = members.length;
        int[] drawn = new int[k];
        int size = 0;
        for (int j = 0; j < k; j++) {
            drawn[j] = rng.nextInt(k);
            size += members[drawn[j]].length;
        }
        int[] idx = new int[size];
        int at = 0;
        for (int c : drawn) {
            System.arraycopy(members[c], 0, idx, at, members[c].length);
            at += members[c].length;
        }
        return idx;
    }

    private static void draw(SplittableRandom rng, int[] idx) {
        for (int i = 0; i < idx.length; i++) {
            idx[i] = rng.nextInt(idx.length);
        }
    }

    private double[] percentiles(double[] values, int valid) {
        if (valid == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] sorted = Arrays.copyOf(values, valid);
        Arrays.sort(sorted);
        double alpha = (1 - confidence) / 2;
        return new double[] {quantile(sorted, alpha), quantile(sorted, 1 - alpha)};
    }

    /** Type-7 quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
