package org.mriworkbench.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mriworkbench.data.Task;
import org.mriworkbench.model.CnnSpec;

/** Small learnable stand-ins for MRI tensors: class 1 images carry a bright square, class 0 do not. */
final class SyntheticData {

    static final int SIZE = 32;

    private SyntheticData() {
    }

    /** {@code n} grey images of SIZE x SIZE; about a third are class 1 (imbalanced on purpose). */
    static TensorDataset binary(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int px = SIZE * SIZE;
        float[] data = new float[n * px];
        int[] labels = new int[n];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(3) == 0 ? 1 : 0;
            for (int p = 0; p < px; p++) {
                data[i * px + p] = (float) (0.3 * rng.nextDouble());
            }
            if (labels[i] == 1) {
                int y0 = rng.nextInt(SIZE - 8);
                int x0 = rng.nextInt(SIZE - 8);
                for (int y = y0; y < y0 + 8; y++) {
                    for (int x = x0; x < x0 + 8; x++) {
                        data[i * px + y * SIZE + x] = 0.9f;
                    }
                }
            }
            ids.add("img-" + seed + "-" + i + ".png");
        }
        return TensorDataset.wrap(data, n, 1, SIZE, SIZE, labels, ids);
    }

    /** A tiny net with batch norm and dropout, so both sources of hidden state are exercised. */
    static CnnSpec tinyNet(long seed) {
        return CnnSpec.builder().setInputSize(SIZE).setBlockFilters(4, 8).setNumClasses(2).setSeed(seed)
                .optBatchNorm(true).optDropout(0.3).optDenseWidth(16).build();
    }

    /**
     * A 3-epoch config over the tiny net with augmentation, cosine schedule and class weights. One thread: on the
     * shared 2-core machine, 2 OpenMP threads ran these tiny nets 4x slower while other builds were running.
     */
    static TrainConfig.Builder config(long seed) {
        return TrainConfig.builder().setTask(Task.BINARY).setModel(tinyNet(seed)).setSeed(seed).setEpochs(3)
                .optBatchSize(16).optImbalance("class-weights").optAugmentation(true, 1.0)
                .optLrSchedule(LrSchedule.byName("cosine")).optLearningRate(3e-3).optThreads(1)
                .optRunName("tiny");
    }
}
