package org.mriworkbench.chart;

import java.awt.image.BufferedImage;
import org.mriworkbench.core.FloatImage;
import org.mriworkbench.core.Luminance;

/**
 * Explanation maps (Grad-CAM and the like) drawn over the slice they explain. A map means little on its own; over
 * the anatomy it shows whether the network looked at the tumour or at the skull, the text burnt into the corner, or
 * the scanner's frame.
 *
 * <p>The map may be coarser than the slice (Grad-CAM maps are the size of the last convolutional layer): it is
 * upsampled bilinearly with pixel centres aligned, as OpenCV's {@code resize} does, then min-max normalised to
 * [0, 1] so the hottest pixel always gets the hottest colour whatever the map's units. The colour map is jet
 * (matplotlib's definition: dark blue, blue, cyan, yellow, red, dark red), chosen because Grad-CAM figures in the
 * literature use it and readers know how to read it, not because it is perceptually uniform (it is not).
 */
public final class Overlays {

    private static final double[] STOPS = {0.0, 0.125, 0.375, 0.625, 0.875, 1.0};
    private static final int[][] JET = {{0, 0, 128}, {0, 0, 255}, {0, 255, 255}, {255, 255, 0}, {255, 0, 0},
            {128, 0, 0}};

    private Overlays() {
    }

    /**
     * The slice in grayscale with {@code map} (row-major, {@code w} by {@code h}) in jet colours blended over it:
     * {@code out = (1 - alpha) * gray + alpha * jet(map)}. The result has the slice's size. Non-finite map values
     * count as the map's minimum; a constant map is drawn as all-cold.
     *
     * @param alpha opacity of the colour map in [0, 1]; 0.4-0.5 keeps the anatomy readable
     */
    public static BufferedImage heatmap(FloatImage slice, float[] map, int w, int h, double alpha) {
        if (w < 1 || h < 1 || map.length != (long) w * h) {
            throw new IllegalArgumentException("map of " + map.length + " values is not " + w + "x" + h);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        int outW = slice.width();
        int outH = slice.height();
        float[] gray = Luminance.toGray(slice).pixels();
        double[] up = normalise(resize(map, w, h, outW, outH));
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int i = y * outW + x;
                double g = 255 * Math.max(0, Math.min(1, gray[i]));
                int c = jet(up[i]);
                int r = blend(g, (c >> 16) & 0xFF, alpha);
                int gr = blend(g, (c >> 8) & 0xFF, alpha);
                int b = blend(g, c & 0xFF, alpha);
                out.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return out;
    }

    /** Jet colour of {@code v} in [0, 1] (clamped; NaN as 0), packed as 0xRRGGBB. */
    public static int jet(double v) {
        double t = Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
        int k = 0;
        while (k < STOPS.length - 2 && t > STOPS[k + 1]) {
            k++;
        }
        double f = (t - STOPS[k]) / (STOPS[k + 1] - STOPS[k]);
        int rgb = 0;
        for (int ch = 0; ch < 3; ch++) {
            int v8 = (int) Math.round(JET[k][ch] + f * (JET[k + 1][ch] - JET[k][ch]));
            rgb = (rgb << 8) | v8;
        }
        return rgb;
    }

    private static int blend(double gray, int colour, double alpha) {
        return (int) Math.round((1 - alpha) * gray + alpha * colour);
    }

    /** Bilinear resize with pixel centres aligned; edges are clamped. Non-finite values are NaN afterwards. */
    static double[] resize(float[] src, int w, int h, int outW, int outH) {
        double[] out = new double[outW * outH];
        for (int y = 0; y < outH; y++) {
            double sy = Math.max(0, Math.min(h - 1, (y + 0.5) * h / outH - 0.5));
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(h - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < outW; x++) {
                double sx = Math.max(0, Math.min(w - 1, (x + 0.5) * w / outW - 0.5));
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(w - 1, x0 + 1);
                double fx = sx - x0;
                double top = src[y0 * w + x0] * (1 - fx) + src[y0 * w + x1] * fx;
                double bottom = src[y1 * w + x0] * (1 - fx) + src[y1 * w + x1] * fx;
                double v = top * (1 - fy) + bottom * fy;
                out[y * outW + x] = Double.isFinite(v) ? v : Double.NaN;
            }
        }
        return out;
    }

    /** Min-max to [0, 1] over finite values; NaN becomes 0, a constant map all 0. */
    static double[] normalise(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        double[] out = new double[v.length];
        if (hi > lo) {
            for (int i = 0; i < v.length; i++) {
                out[i] = Double.isFinite(v[i]) ? (v[i] - lo) / (hi - lo) : 0;
            }
        }
        return out;
    }
}
