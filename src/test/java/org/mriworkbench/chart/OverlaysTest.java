package org.mriworkbench.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.mriworkbench.core.FloatImage;

class OverlaysTest {

    /** A bright disc on black, like a skull-stripped slice. */
    static FloatImage disc(int size) {
        float[] p = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double r = Math.hypot(x - size / 2.0, y - size / 2.0) / (size / 2.0);
                p[y * size + x] = r < 0.85 ? (float) (0.35 + 0.3 * (1 - r)) : 0f;
            }
        }
        return new FloatImage(size, size, 1, p);
    }

    /** A Gaussian blob centred on cell (cx, cy) of an n-by-n map. */
    static float[] blob(int n, int cx, int cy) {
        float[] m = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                m[y * n + x] = (float) Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / 6.0);
            }
        }
        return m;
    }

    @Test
    void keepsTheSliceSizeWhenTheMapIsCoarser() {
        BufferedImage img = Overlays.heatmap(disc(64), blob(7, 2, 3), 7, 7, 0.5);
        assertEquals(64, img.getWidth());
        assertEquals(64, img.getHeight());
        BufferedImage wide = Overlays.heatmap(new FloatImage(40, 24, 3, new float[40 * 24 * 3]), new float[] {0, 1},
                2, 1, 0.5);
        assertEquals(40, wide.getWidth());
        assertEquals(24, wide.getHeight());
    }

    @Test
    void hottestColourSitsAtTheMapMaximum() {
        int size = 32;
        float[] flat = new float[size * size];
        java.util.Arrays.fill(flat, 0.5f);
        FloatImage slice = new FloatImage(size, size, 1, flat);
        float[] map = new float[8 * 8];
        for (int i = 0; i < map.length; i++) {
            map[i] = (float) (i % 7) * 0.1f;
        }
        map[2 * 8 + 5] = 3f; // maximum at column 5, row 2: pixels x in [20, 24), y in [8, 12)
        double alpha = 0.6;
        BufferedImage img = Overlays.heatmap(slice, map, 8, 8, alpha);
        int hottest = Overlays.jet(1.0);
        int expected = blended(0.5 * 255, hottest, alpha);
        int bestX = -1;
        int bestY = -1;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == expected) {
                    bestX = x;
                    bestY = y;
                }
            }
        }
        assertTrue(bestX >= 20 && bestX < 24 && bestY >= 8 && bestY < 12, "hottest pixel at " + bestX + "," + bestY);
        assertNotEquals(expected, img.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0x800000, hottest, "jet ends in dark red");
        assertEquals(0x000080, Overlays.jet(0.0), "jet starts in dark blue");
    }

    @Test
    void zeroAlphaIsTheGrayscaleSlice() {
        FloatImage slice = disc(16);
        BufferedImage img = Overlays.heatmap(slice, blob(4, 1, 1), 4, 4, 0.0);
        int g = Math.round(slice.get(0, 8, 8) * 255);
        assertEquals((g << 16) | (g << 8) | g, img.getRGB(8, 8) & 0xFFFFFF);
    }

    @Test
    void rejectsAMapOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class, () -> Overlays.heatmap(disc(8), new float[10], 3, 3, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Overlays.heatmap(disc(8), new float[9], 3, 3, 1.5));
    }

    private static int blended(double gray, int rgb, double alpha) {
        int r = (int) Math.round((1 - alpha) * gray + alpha * ((rgb >> 16) & 0xFF));
        int g = (int) Math.round((1 - alpha) * gray + alpha * ((rgb >> 8) & 0xFF));
        int b = (int) Math.round((1 - alpha) * gray + alpha * (rgb & 0xFF));
        return (r << 16) | (g << 8) | b;
    }
}
