package org.mriworkbench.train;

import java.util.Objects;
import org.mriworkbench.augment.AugmentSeeds;
import org.mriworkbench.augment.Augmentation;
import org.mriworkbench.augment.RandFlip;
import org.mriworkbench.imbalance.EpochPlan;
import org.mriworkbench.core.FloatImage;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns a slice of an {@link EpochPlan} into one NCHW float minibatch with one-hot labels. Each visit is augmented
 * with its own generator from {@link AugmentSeeds#forSample}(seed, epoch, position), so a minibatch's content depends
 * only on (seed, epoch, positions), never on what ran before; that is what makes a resumed epoch identical.
 */
final class Batcher {

    private final TensorDataset data;
    private final int numClasses;
    private final Augmentation augmentation;
    private final boolean augment;
    private final long augmentSeed;
    private final float onValue;
    private final float offValue;

    Batcher(TensorDataset data, int numClasses, Augmentation augmentation, boolean augment, long augmentSeed) {
        this(data, numClasses, augmentation, augment, augmentSeed, 0.0);
    }

    /**
     * @param labelSmoothing epsilon: targets are {@code 1 - eps + eps/K} for the true class and {@code eps/K} for the
     *                       others; 0 gives exact one-hot targets
     */
    Batcher(TensorDataset data, int numClasses, Augmentation augmentation, boolean augment, long augmentSeed,
            double labelSmoothing) {
        this.data = Objects.requireNonNull(data, "data");
        this.numClasses = numClasses;
        this.augmentation = augmentation;
        this.augment = augment;
        this.augmentSeed = augmentSeed;
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException("labelSmoothing must be in [0,1), got " + labelSmoothing);
        }
        this.offValue = labelSmoothing == 0 ? 0f : (float) (labelSmoothing / numClasses);
        this.onValue = labelSmoothing == 0 ? 1f : (float) (1 - labelSmoothing + labelSmoothing / numClasses);
    }

    /** Minibatch of plan positions {@code [from, to)} in epoch {@code epoch}, augmented at full strength. */
    DataSet batch(EpochPlan plan, int epoch, int from, int to) {
        return batch(plan, epoch, from, to, 1.0);
    }

    /**
     * Minibatch of plan positions {@code [from, to)} in epoch {@code epoch}, each visit augmented at the plan's
     * strength times {@code epochStrength} (the fade schedule's factor for this epoch).
     */
    DataSet batch(EpochPlan plan, int epoch, int from, int to, double epochStrength) {
        return batch(plan, epoch, from, to, epochStrength, false);
    }

    /**
     * As {@link #batch(EpochPlan, int, int, int, double)}; with {@code half} each (augmented) image is shrunk to
     * half its height and width by averaging 2x2 blocks, for progressive resizing.
     */
    DataSet batch(EpochPlan plan, int epoch, int from, int to, double epochStrength, boolean half) {
        int b = to - from;
        int size = data.imageSize();
        float[] x = new float[b * size];
        float[] y = new float[b * numClasses];
        for (int k = 0; k < b; k++) {
            int pos = from + k;
            int idx = plan.index(pos);
            if (augment) {
                FloatImage img = augmentation.apply(data.image(idx), AugmentSeeds.forSample(augmentSeed, epoch, pos),
                        plan.strength(pos) * epochStrength);
                System.arraycopy(img.pixels(), 0, x, k * size, size);
            } else {
                data.copyImage(idx, x, k * size);
            }
            if (offValue != 0f) {
                java.util.Arrays.fill(y, k * numClasses, (k + 1) * numClasses, offValue);
            }
            y[k * numClasses + data.label(idx)] = onValue;
        }
        INDArray labels = Nd4j.create(y, new long[] {b, numClasses}, DataType.FLOAT);
        if (half) {
            return new DataSet(Nd4j.create(halve(x, b * data.channels(), data.height(), data.width()),
                    new long[] {b, data.channels(), data.height() / 2, data.width() / 2}, DataType.FLOAT), labels);
        }
        return new DataSet(features(x, b), labels);
    }

    /** Means of 2x2 blocks of each of {@code planes} planes of {@code h x w} (both even). */
    static float[] halve(float[] x, int planes, int h, int w) {
        int h2 = h / 2;
        int w2 = w / 2;
        float[] out = new float[planes * h2 * w2];
        for (int p = 0; p < planes; p++) {
            int in = p * h * w;
            int o = p * h2 * w2;
            for (int y = 0; y < h2; y++) {
                for (int xx = 0; xx < w2; xx++) {
                    int i = in + 2 * y * w + 2 * xx;
                    out[o + y * w2 + xx] = (x[i] + x[i + 1] + x[i + w] + x[i + w + 1]) * 0.25f;
                }
            }
        }
        return out;
    }

    private INDArray features(float[] x, int b) {
        return Nd4j.create(x, new long[] {b, data.channels(), data.height(), data.width()}, DataType.FLOAT);
    }

    /** Minibatch of data-set images {@code [from, to)} in order, unaugmented, for evaluation. */
    static INDArray features(TensorDataset data, int from, int to) {
        return features(data, from, to, false);
    }

    /** As {@link #features(TensorDataset, int, int)}, each image mirrored left-right when {@code mirrored}. */
    static INDArray features(TensorDataset data, int from, int to, boolean mirrored) {
        int size = data.imageSize();
        float[] x = new float[(to - from) * size];
        for (int i = from; i < to; i++) {
            if (mirrored) {
                float[] px = RandFlip.flipHorizontal(data.image(i)).pixels();
                System.arraycopy(px, 0, x, (i - from) * size, size);
            } else {
                data.copyImage(i, x, (i - from) * size);
            }
        }
        return Nd4j.create(x, new long[] {to - from, data.channels(), data.height(), data.width()}, DataType.FLOAT);
    }
}
