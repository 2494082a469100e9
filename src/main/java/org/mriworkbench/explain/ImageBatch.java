package org.mriworkbench.explain;

import java.util.List;
import org.mriworkbench.core.FloatImage;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Packs images into the NCHW tensors networks take; {@link FloatImage} is already planar CHW, so it is one copy. */
final class ImageBatch {

    private ImageBatch() {
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive) as {@code [n, c, h, w]}; all must share a shape. */
    static INDArray of(List<FloatImage> images, int from, int to) {
        FloatImage first = images.get(from);
        int plane = first.channels() * first.height() * first.width();
        float[] data = new float[(to - from) * plane];
        for (int i = from; i < to; i++) {
            FloatImage img = images.get(i);
            if (img.width() != first.width() || img.height() != first.height()
                    || img.channels() != first.channels()) {
                throw new IllegalArgumentException("images in one batch must share a shape: " + first + " vs " + img);
            }
            System.arraycopy(img.pixels(), 0, data, (i - from) * plane, plane);
        }
        return Nd4j.create(data, new long[] {to - from, first.channels(), first.height(), first.width()},
                DataType.FLOAT);
    }

    /** One image as a batch of one. */
    static INDArray of(FloatImage image) {
        return of(List.of(image), 0, 1);
    }

    /** Example {@code i} of a rank-4 tensor as a flat float array in CHW order. */
    static float[] example(INDArray batch, int i) {
        return batch.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).dup('c').castTo(DataType.FLOAT)
                .data().asFloat();
    }
}
