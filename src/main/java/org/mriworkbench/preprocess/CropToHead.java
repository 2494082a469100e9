package org.mriworkbench.preprocess;

import org.mriworkbench.core.FloatImage;

/**
 * Crops an image to the bounding box of the head, plus a margin, so that {@link ResizePad} spends the network's
 * input pixels on the head instead of on black background. Slices in public sets are framed very differently (some
 * heads fill the picture, some a third of it), so without the crop the same anatomy arrives at very different scales.
 *
 * <p>A pixel is foreground when its mean over channels exceeds {@code threshold} times the image maximum. A row or
 * column belongs to the head when at least {@value #MIN_FRACTION} of its pixels are foreground, which ignores specks
 * of scanner noise and thin burnt-in annotation text. The box is widened by {@code margin} times its size on every
 * side and clipped to the image. An image with no such row or column is returned unchanged, as is one whose box
 * already is the whole image. Deterministic, so training, evaluation, prediction, explanation and shift checks crop
 * the same file identically: the op is part of the {@link Preprocessing} recorded in each run's {@code data.json}.
 *
 * @param threshold foreground level as a fraction of the image maximum, in (0, 1)
 * @param margin    extra border as a fraction of the box's width and height, in [0, 1]
 */
public record CropToHead(double threshold, double margin) implements ImageOp {

    /** Fraction of a row's (or column's) pixels that must be foreground for it to count as head. */
    static final double MIN_FRACTION = 0.02;

    /** Defaults: foreground above 10% of the maximum, 5% margin. */
    public static CropToHead standard() {
        return new CropToHead(0.1, 0.05);
    }

    public CropToHead {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0,1), got " + threshold);
        }
        if (!(margin >= 0 && margin <= 1)) {
            throw new IllegalArgumentException("margin must be in [0,1], got " + margin);
        }
    }

    @Override
    public FloatImage apply(FloatImage img) {
        int[] box = box(img);
        if (box == null) {
            return img;
        }
        int x0 = box[0];
        int y0 = box[1];
        int cw = box[2] - x0 + 1;
        int chh = box[3] - y0 + 1;
        if (cw == img.width() && chh == img.height()) {
            return img;
        }
        int w = img.width();
        int h = img.height();
        float[] in = img.pixels();
        float[] out = new float[cw * chh * img.channels()];
        for (int c = 0; c < img.channels(); c++) {
            for (int y = 0; y < chh; y++) {
                System.arraycopy(in, c * w * h + (y0 + y) * w + x0, out, (c * chh + y) * cw, cw);
            }
        }
        return new FloatImage(cw, chh, img.channels(), out);
    }

    /** The crop box {@code {x0, y0, x1, y1}} (inclusive), margin included; null when no head is found. */
    int[] box(FloatImage img) {
        int w = img.width();
        int h = img.height();
        int ch = img.channels();
        float[] p = img.pixels();
        float[] mean = new float[w * h];
        float max = 0;
        for (int i = 0; i < w * h; i++) {
            float s = 0;
            for (int c = 0; c < ch; c++) {
                s += p[c * w * h + i];
            }
            mean[i] = s / ch;
            max = Math.max(max, mean[i]);
        }
        if (!(max > 0)) {
            return null;
        }
        float level = (float) (threshold * max);
        int[] rowCount = new int[h];
        int[] colCount = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mean[y * w + x] > level) {
                    rowCount[y]++;
                    colCount[x]++;
                }
            }
        }
        int minRow = Math.max(1, (int) Math.ceil(MIN_FRACTION * w));
        int minCol = Math.max(1, (int) Math.ceil(MIN_FRACTION * h));
        int ya = first(rowCount, minRow);
        int xa = first(colCount, minCol);
        if (ya < 0 || xa < 0) {
            return null;
        }
        int yb = last(rowCount, minRow);
        int xb = last(colCount, minCol);
        int mx = (int) Math.round(margin * (xb - xa + 1));
        int my = (int) Math.round(margin * (yb - ya + 1));
        return new int[] {Math.max(0, xa - mx), Math.max(0, ya - my), Math.min(w - 1, xb + mx), Math.min(h - 1, yb + my)};
    }

    private static int first(int[] counts, int min) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] >= min) {
                return i;
            }
        }
        return -1;
    }

    private static int last(int[] counts, int min) {
        for (int i = counts.length - 1; i >= 0; i--) {
            if (counts[i] >= min) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String describe() {
        return "crop-to-head(threshold=" + threshold + ",margin=" + margin + ")";
    }
}
