package org.mriworkbench.augment;

import org.mriworkbench.core.FloatImage;

/**
 * Inverse-mapped affine warp with bilinear interpolation and zero fill, shared by rotate, zoom and translate so
 * they agree on centre, interpolation and borders. Zero fill matches the black background of skull-stripped and
 * raw MRI slices, so warped borders look like background rather than smeared tissue.
 */
final class Resample {

    private Resample() {
    }

    /**
     * For each output pixel (x, y), with u = x - cx, v = y - cy about the image centre, samples the input at
     * (cx + a*u + b*v + shiftX, cy + c*u + d*v + shiftY). The matrix is the inverse of the wanted forward warp.
     */
    static FloatImage inverseAffine(FloatImage src, double a, double b, double c, double d, double shiftX,
                                    double shiftY) {
        int w = src.width();
        int h = src.height();
        int ch = src.channels();
        float[] in = src.pixels();
        float[] out = new float[in.length];
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        for (int y = 0; y < h; y++) {
            double v = y - cy;
            for (int x = 0; x < w; x++) {
                double u = x - cx;
                double sx = cx + a * u + b * v + shiftX;
                double sy = cy + c * u + d * v + shiftY;
                double fx = Math.floor(sx);
                double fy = Math.floor(sy);
                int x0 = (int) fx;
                int y0 = (int) fy;
                double wx = sx - fx;
                double wy = sy - fy;
                if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) {
                    continue; // all four taps outside: stays 0
                }
                for (int k = 0; k < ch; k++) {
                    int base = k * w * h;
                    double top = (1 - wx) * tap(in, base, w, h, x0, y0) + wx * tap(in, base, w, h, x0 + 1, y0);
                    double bottom = (1 - wx) * tap(in, base, w, h, x0, y0 + 1)
                            + wx * tap(in, base, w, h, x0 + 1, y0 + 1);
                    out[base + y * w + x] = (float) ((1 - wy) * top + wy * bottom);
                }
            }
        }
        return new FloatImage(w, h, ch, out);
    }

    private static float tap(float[] in, int base, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0f : in[base + y * w + x];
    }
}
