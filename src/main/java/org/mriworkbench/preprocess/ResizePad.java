package org.mriworkbench.preprocess;

import org.mriworkbench.core.FloatImage;
import org.mriworkbench.core.Resample;

/**
 * Fits an image into a {@code size}×{@code size} square without distorting it: the longer side is scaled to
 * {@code size}, the shorter side keeps the aspect ratio, and the rest is padded with 0, centred. Stretching a
 * non-square slice to a square would change the apparent shape of a lesion, which is exactly what the network is
 * meant to learn from; black padding matches the black background of MRI slices.
 *
 * <p>Scaling uses the kernels of {@link Resample} (exact area averaging when shrinking, so no aliasing; bilinear when
 * enlarging), with precomputed weights ({@link AxisWeights}) because this runs on every image of a cache build. When
 * the padding is odd, the extra row or column goes to the bottom or right. A square image of the target size is
 * returned as it is.
 */
public record ResizePad(int size) implements ImageOp {

    public ResizePad {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size);
        }
    }

    @Override
    public FloatImage apply(FloatImage img) {
        int w = img.width();
        int h = img.height();
        if (w == size && h == size) {
            return img;
        }
        double scale = (double) size / Math.max(w, h);
        int nw = w >= h ? size : Math.max(1, Math.min(size, (int) Math.round(w * scale)));
        int nh = h >= w ? size : Math.max(1, Math.min(size, (int) Math.round(h * scale)));
        int x0 = (size - nw) / 2;
        int y0 = (size - nh) / 2;
        AxisWeights xs = AxisWeights.of(w, nw);
        AxisWeights ys = AxisWeights.of(h, nh);
        int plane = size * size;
        float[] out = new float[plane * img.channels()];
        for (int c = 0; c < img.channels(); c++) {
            AxisWeights.resizePlane(img.pixels(), c * w * h, w, h, xs, nw, ys, nh, out, c * plane + y0 * size + x0,
                    size);
        }
        return new FloatImage(size, size, img.channels(), out);
    }

    @Override
    public String describe() {
        return "resize-pad(" + size + ")";
    }
}
