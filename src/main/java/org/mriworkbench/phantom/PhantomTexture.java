package org.mriworkbench.phantom;

import java.util.Random;

/**
 * Smooth random texture as a sum of a few plane waves, values in [-1, 1]. A plane wave separates into per-column
 * and per-row factors ({@code cos(a + b) = cos a cos b - sin a sin b}), so each pixel costs a few multiplications
 * instead of trigonometric calls; that keeps generating hundreds of phantoms a matter of seconds on two cores.
 */
final class PhantomTexture {

    private final int terms;
    private final double[] amplitude;
    private final double[][] cosX;
    private final double[][] sinX;
    private final double[][] cosY;
    private final double[][] sinY;

    /**
     * @param minCycles lowest spatial frequency, in cycles across the image
     * @param maxCycles highest spatial frequency, in cycles across the image
     */
    PhantomTexture(Random rng, int size, int terms, double minCycles, double maxCycles) {
        this.terms = terms;
        amplitude = new double[terms];
        cosX = new double[terms][size];
        sinX = new double[terms][size];
        cosY = new double[terms][size];
        sinY = new double[terms][size];
        double total = 0;
        for (int k = 0; k < terms; k++) {
            double cycles = HeadAnatomy.uniform(rng, minCycles, maxCycles);
            double direction = HeadAnatomy.uniform(rng, 0, 2 * Math.PI);
            double phase = HeadAnatomy.uniform(rng, 0, 2 * Math.PI);
            double fx = 2 * Math.PI * cycles * StrictMath.cos(direction) / size;
            double fy = 2 * Math.PI * cycles * StrictMath.sin(direction) / size;
            amplitude[k] = HeadAnatomy.uniform(rng, 0.5, 1.0);
            total += amplitude[k];
            for (int i = 0; i < size; i++) {
                cosX[k][i] = StrictMath.cos(fx * i + phase);
                sinX[k][i] = StrictMath.sin(fx * i + phase);
                cosY[k][i] = StrictMath.cos(fy * i);
                sinY[k][i] = StrictMath.sin(fy * i);
            }
        }
        for (int k = 0; k < terms; k++) {
            amplitude[k] /= total;
        }
    }

    /** Texture value at column x, row y, in [-1, 1]. */
    double at(int x, int y) {
        double sum = 0;
        for (int k = 0; k < terms; k++) {
            sum += amplitude[k] * (cosX[k][x] * cosY[k][y] - sinX[k][x] * sinY[k][y]);
        }
        return sum;
    }
}
