package org.mriworkbench.train;

import java.util.Objects;
import org.mriworkbench.augment.AugmentSeeds;
import org.mriworkbench.augment.Augmentation;
import org.mriworkbench.imbalance.EpochPlan;
import org.mriworkbench.preprocess.FloatImage;
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

    Batcher(TensorDataset data, int numClasses, Augmentation augmentation, boolean augment, long augmentSeed) {
        this.data = Objects.requireNonNull(data, "data");
        this.numClasses = numClasses;
        this.augmentation = augmentation;
        this.augment = augment;
        this.augmentSeed = augmentSeed;
    }

    /** Minibatch of plan positions {@code [from, to)} in epoch {@code epoch}. */
    DataSet batch(EpochPlan plan, int epoch, int from, int to) {
        int b = to - from;
        int size = data.imageSize();
        float[] x = new float[b * size];
        float[] y = new float[b * numClasses];
        for (int k = 0; k < b; k++) {
            int pos = from + k;
            int idx = plan.index(pos);
            if (augment) {
                FloatImage img = augmentation.apply(data.image(idx), AugmentSeeds.forSample(augmentSeed, epoch, pos),
                        plan.strength(pos));
                System.arraycopy(img.pixels(), 0, x, k * size, size);
            } else {
                data.copyImage(idx, x, k * size);
            }
            y[k * numClasses + data.label(idx)] = 1f;
        }
        return new DataSet(features(x, b), Nd4j.create(y, new long[] {b, numClasses}, DataType.FLOAT));
    }

    private INDArray features(float[] x, int b) {
        return Nd4j.create(x, new long[] {b, data.channels(), data.height(), data.width()}, DataType.FLOAT);
    }

    /** Minibatch of data-set images {@code [from, to)} in order, unaugmented, for evaluation. */
    static INDArray features(TensorDataset data, int from, int to) {
        int size = data.imageSize();
        float[] x = new float[(to - from) * size];
        for (int i = from; i < to; i++) {
            data.copyImage(i, x, (i - from) * size);
        }
        return Nd4j.create(x, new long[] {to - from, data.channels(), data.height(), data.width()}, DataType.FLOAT);
    }
}
