package org.mriworkbench.preprocess;

import org.mriworkbench.core.FloatImage;

/**
 * Gaussian smoothing as a simple denoiser. MRI magnitude images carry Rician noise that a CNN can overfit to on a
 * few thousand slices; a light blur (σ of about 0.5–1 output pixel) is the classic, transparent baseline to compare
 * stronger denoisers against. It runs as two 1-D passes (the Gaussian is separable), with a kernel of radius
 * ⌈3σ⌉ normalised to sum 1, so a constant image stays constant. Samples beyond the border repeat the edge sample
 * (clamping), which avoids darkening the rim the way zero padding would.
 *
 * @param sigma standard deviation in pixels of the image it is applied to; 0 is the identity
 */
public record GaussianDenoise(double sigma) implements ImageOp {

    public GaussianDenoise {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
    }

    /** The normalised 1-D kernel, {@code 2r+1} weights with {@code r = ceil(3σ)}; {1} for σ = 0. */
    public float[] kernel() {
        int r = (int) Math.ceil(3 * sigma);
        if (sigma == 0 || r == 0) {
            return new float[] {1f};
        }
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-(i * (double) i) / (2 * sigma * sigma));
            sum += k[i + r];
        }
        float[] out = new float[k.length];
        for (int i = 0; i < k.length; i++) {
            out[i] = (float) (k[i] / sum);
        }
        return out;
    }

    @Override
    public FloatImage apply(FloatImage img) {
        float[] k = kernel();
        if (k.length == 1) {
            return img;
        }
        int w = img.width();
        int h = img.height();
        int plane = w * h;
        float[] src = img.pixels();
        float[] tmp = new float[plane];
        float[] out = new float[plane * img.channels()];
        for (int c = 0; c < img.channels(); c++) {
            int off = c * plane;
            for (int y = 0; y < h; y++) {
                convolveRow(src, off + y * w, w, tmp, y * w, k);
            }
            verticalPass(tmp, w, h, out, off, k);
        }
        return new FloatImage(w, h, img.channels(), out);
    }

    /** Convolves one row of {@code n} samples, clamping indices at both ends. */
    private static void convolveRow(float[] src, int so, int n, float[] dst, int doff, float[] k) {
        int r = k.length / 2;
        for (int i = 0; i < n; i++) {
            float sum = 0;
            if (i >= r && i + r < n) {
                int base = so + i - r;
                for (int j = 0; j < k.length; j++) {
                    sum += k[j] * src[base + j];
                }
            } else {
                for (int j = -r; j <= r; j++) {
                    sum += k[j + r] * src[so + Math.max(0, Math.min(n - 1, i + j))];
                }
            }
            dst[doff + i] = sum;
        }
    }

    /** Convolves every column at once, as weighted sums of whole (clamped) rows, which keeps memory access linear. */
    private static void verticalPass(float[] src, int w, int h, float[] dst, int doff, float[] k) {
        int r = k.length / 2;
        for (int y = 0; y < h; y++) {
            int d = doff + y * w;
            for (int j = -r; j <= r; j++) {
                float kj = k[j + r];
                int s = Math.max(0, Math.min(h - 1, y + j)) * w;
                for (int x = 0; x < w; x++) {
                    dst[d + x] += kj * src[s + x];
                }
            }
        }
    }

    @Override
    public String describe() {
        return "gaussian-denoise(" + sigma + ")";
    }
}
