package org.mriworkbench.eval;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster bootstrap against the per-image one: identical when every cluster is one image (by design, same
 * seed), wider when clusters hold near copies, and close to nominal coverage on simulated clustered data where the
 * per-image interval is far too narrow.
 */
class ClusterBootstrapTest {

    private static double[][] oneHot(boolean[] correct, int[] labels) {
        double[][] p = new double[labels.length][2];
        for (int i = 0; i < labels.length; i++) {
            int pred = correct[i] ? labels[i] : 1 - labels[i];
            p[i][pred] = 0.8;
            p[i][1 - pred] = 0.2;
        }
        return p;
    }

    @Test
    void singletonClustersGiveThePerImageIntervalForTheSameSeed() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 157;
        int[] y = new int[n];
        boolean[] ok = new boolean[n];
        int[] clusters = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(2);
            ok[i] = rng.nextDouble() < 0.8;
            clusters[i] = 1000 - 7 * i; // any distinct ids
        }
        double[][] p = oneHot(ok, y);
        Bootstrap b = Bootstrap.withSeed(11).withResamples(500);
        assertEquals(b.interval(Metrics.ACCURACY, y, p), b.interval(Metrics.ACCURACY, y, p, clusters));
        assertEquals(b.interval(Metrics.BALANCED_ACCURACY, y, p), b.interval(Metrics.BALANCED_ACCURACY, y, p, null));
        double[][] q = oneHot(rotate(ok), y);
        PairedComparison image = b.pairedDifference(Metrics.ACCURACY, y, p, q);
        PairedComparison cluster = b.pairedDifference(Metrics.ACCURACY, y, p, q, clusters);
        assertEquals(image.lower(), cluster.lower());
        assertEquals(image.upper(), cluster.upper());
        assertEquals(image.pValue(), cluster.pValue());
        assertEquals("paired cluster bootstrap", cluster.method());
    }

    @Test
    void nearCopiesWidenTheInterval() {
        // 40 clusters of 8 copies each: a copy is right exactly when its cluster's first image is.
        SplittableRandom rng = new SplittableRandom(5);
        int k = 40;
        int m = 8;
        int[] y = new int[k * m];
        boolean[] ok = new boolean[k * m];
        int[] clusters = new int[k * m];
        for (int c = 0; c < k; c++) {
            int label = rng.nextInt(2);
            boolean right = rng.nextDouble() < 0.75;
            for (int j = 0; j < m; j++) {
                y[c * m + j] = label;
                ok[c * m + j] = right;
                clusters[c * m + j] = c;
            }
        }
        double[][] p = oneHot(ok, y);
        Bootstrap b = Bootstrap.withSeed(1).withResamples(1000);
        BootstrapInterval image = b.interval(Metrics.ACCURACY, y, p);
        BootstrapInterval cluster = b.interval(Metrics.ACCURACY, y, p, clusters);
        assertEquals(image.estimate(), cluster.estimate());
        double ratio = (cluster.upper() - cluster.lower()) / (image.upper() - image.lower());
        // Perfectly correlated copies: the effective sample is 40, not 320, so about sqrt(8) = 2.8 times wider.
        assertTrue(ratio > 2.2 && ratio < 3.6, "width ratio " + ratio);
    }

    @Test
    void clusterIntervalCoversOnClusteredDataWherePerImageDoesNot() {
        SplittableRandom rng = new SplittableRandom(2024);
        int reps = 200;
        int k = 30;
        int m = 10;
        double truth = 0.7; // clusters are easy (0.95) or hard (0.45) with equal chance
        int coveredImage = 0;
        int coveredCluster = 0;
        Bootstrap b = new Bootstrap(400, 0.95, 9);
        for (int r = 0; r < reps; r++) {
            int[] y = new int[k * m];
            boolean[] ok = new boolean[k * m];
            int[] clusters = new int[k * m];
            for (int c = 0; c < k; c++) {
                double pc = rng.nextBoolean() ? 0.95 : 0.45;
                for (int j = 0; j < m; j++) {
                    int i = c * m + j;
                    y[i] = rng.nextInt(2);
                    ok[i] = rng.nextDouble() < pc;
                    clusters[i] = c;
                }
            }
            double[][] p = oneHot(ok, y);
            BootstrapInterval image = b.interval(Metrics.ACCURACY, y, p);
            BootstrapInterval cluster = b.interval(Metrics.ACCURACY, y, p, clusters);
            coveredImage += image.lower() <= truth && truth <= image.upper() ? 1 : 0;
            coveredCluster += cluster.lower() <= truth && truth <= cluster.upper() ? 1 : 0;
        }
        double ci = coveredCluster / (double) reps;
        double ii = coveredImage / (double) reps;
        // Design effect 1 + (m - 1) ICC = 4 here: the per-image interval is half as wide as it should be (~0.67).
        assertTrue(ci >= 0.88, "cluster coverage " + ci);
        assertTrue(ii <= 0.80, "per-image coverage " + ii);
    }

    @Test
    void clusterIdsMustMatchTheSamples() {
        Bootstrap b = Bootstrap.withSeed(1).withResamples(10);
        int[] y = {0, 1, 0};
        double[][] p = {{0.9, 0.1}, {0.2, 0.8}, {0.6, 0.4}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.interval(Metrics.ACCURACY, y, p, new int[] {1, 2}));
        assertTrue(e.getMessage().contains("2 cluster ids for 3 samples"), e.getMessage());
    }

    private static boolean[] rotate(boolean[] a) {
        boolean[] out = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[(i + 1) % a.length];
        }
        return out;
    }
}
