package org.mriworkbench.core;

/**
 * Resampling kernels shared by preprocessing, hashing and thumbnails. Area averaging is used for shrinking because it
 * is what keeps perceptual hashes stable under re-encoding and avoids the aliasing that bilinear sampling gives
 * when an image shrinks by more than half; bilinear is used for enlarging.
 */
public final class Resample {

    private Resample() {
    }

    /**
     * Resizes one channel plane of {@code src} (width {@code sw}, height {@code sh}) to {@code dw}×{@code dh}.
     * Shrinks by exact area averaging, enlarges bilinearly (per axis).
     */
    public static float[] plane(float[] src, int offset, int sw, int sh, int dw, int dh) {
        float[] tmp = new float[dw * sh];
        for (int y = 0; y < sh; y++) {
            resample1d(src, offset + y * sw, 1, sw, tmp, y * dw, 1, dw);
        }
        float[] out = new float[dw * dh];
        for (int x = 0; x < dw; x++) {
            resample1d(tmp, x, dw, sh, out, x, dw, dh);
        }
        return out;
    }

    /** Resizes every channel of an image. */
    public static FloatImage resize(FloatImage img, int dw, int dh) {
        if (img.width() == dw && img.height() == dh) {
            return img;
        }
        int plane = dw * dh;
        float[] out = new float[plane * img.channels()];
        for (int c = 0; c < img.channels(); c++) {
            float[] p = plane(img.pixels(), c * img.width() * img.height(), img.width(), img.height(), dw, dh);
            System.arraycopy(p, 0, out, c * plane, plane);
        }
        return new FloatImage(dw, dh, img.channels(), out);
    }

    private static void resample1d(float[] src, int so, int ss, int sn, float[] dst, int doff, int ds, int dn) {
        if (sn == dn) {
            for (int i = 0; i < dn; i++) {
                dst[doff + i * ds] = src[so + i * ss];
            }
        } else if (dn < sn) {
            double scale = (double) sn / dn;
            for (int i = 0; i < dn; i++) {
                double a = i * scale;
                double b = a + scale;
                int ia = (int) a;
                int ib = Math.min(sn, (int) Math.ceil(b));
                double sum = 0;
                for (int k = ia; k < ib; k++) {
                    double w = Math.min(b, k + 1) - Math.max(a, k);
                    sum += w * src[so + k * ss];
                }
                dst[doff + i * ds] = (float) (sum / scale);
            }
        } else {
            double scale = (double) sn / dn;
            for (int i = 0; i < dn; i++) {
                double pos = (i + 0.5) * scale - 0.5;
                int i0 = (int) Math.floor(pos);
                double f = pos - i0;
                int a = Math.max(0, Math.min(sn - 1, i0));
                int b = Math.max(0, Math.min(sn - 1, i0 + 1));
                dst[doff + i * ds] = (float) ((1 - f) * src[so + a * ss] + f * src[so + b * ss]);
            }
        }
    }
}
