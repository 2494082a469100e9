package org.mriworkbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.augment.AugmentSchedule;
import org.mriworkbench.augment.Augmentation;
import org.mriworkbench.augment.RandAffine;
import org.mriworkbench.augment.RandFlip;
import org.mriworkbench.imbalance.EpochPlan;
import org.mriworkbench.core.FloatImage;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The recipe options of {@link TrainConfig} do what they say inside the trainer: the minibatches it builds, the
 * learning rates it sets, the predictions it makes and the network it keeps. Tiny nets, seconds on two cores.
 */
class RecipeOptionsTest {

    static final TensorDataset TRAIN = SyntheticData.binary(64, 1);
    static final TensorDataset VAL = SyntheticData.binary(24, 2);

    @TempDir
    Path tmp;

    private static EpochPlan allInOrder(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return EpochPlan.of(idx);
    }

    @Test
    void labelSmoothingSoftensTargetsAndZeroIsBitIdenticalToOneHot() {
        EpochPlan plan = allInOrder(10);
        Augmentation aug = Augmentation.standard();
        DataSet plain = new Batcher(TRAIN, 2, aug, true, 7).batch(plan, 0, 0, 10);
        DataSet zero = new Batcher(TRAIN, 2, aug, true, 7, 0.0).batch(plan, 0, 0, 10);
        assertEquals(plain.getLabels(), zero.getLabels());
        assertEquals(plain.getFeatures(), zero.getFeatures());
        float[] y = plain.getLabels().data().asFloat();
        for (int k = 0; k < 10; k++) {
            assertEquals(1f, y[2 * k + TRAIN.label(k)]);
            assertEquals(0f, y[2 * k + 1 - TRAIN.label(k)]);
        }

        DataSet smooth = new Batcher(TRAIN, 2, aug, true, 7, 0.1).batch(plan, 0, 0, 10);
        float[] s = smooth.getLabels().data().asFloat();
        for (int k = 0; k < 10; k++) {
            assertEquals(0.95f, s[2 * k + TRAIN.label(k)], 1e-7f, "(1-eps) + eps/K");
            assertEquals(0.05f, s[2 * k + 1 - TRAIN.label(k)], 1e-7f, "eps/K");
        }
        assertEquals(plain.getFeatures(), smooth.getFeatures(), "only the targets change");
        float[] four = new Batcher(SyntheticData.binary(4, 3), 4, null, false, 0, 0.2).batch(allInOrder(4), 0, 0, 4)
                .getLabels().data().asFloat();
        for (int k = 0; k < 4; k++) {
            double row = 0;
            for (int c = 0; c < 4; c++) {
                row += four[4 * k + c];
            }
            assertEquals(1.0, row, 1e-6);
        }
    }

    @Test
    void labelSmoothingReachesTheLossAndZeroTrainsExactlyAsBefore() throws Exception {
        TrainConfig base = SyntheticData.config(13).setEpochs(1).build();
        TrainConfig zero = base.toBuilder().optLabelSmoothing(0).build();
        assertEquals(base, zero);
        TrainingResult a = Trainer.of(base).train(TRAIN, VAL, tmp.resolve("a"));
        TrainingResult smooth = Trainer.of(base.toBuilder().optLabelSmoothing(0.2).build())
                .train(TRAIN, VAL, tmp.resolve("smooth"));
        assertNotEquals(a.network().params(), smooth.network().params());
        // With eps 0.2 the cross-entropy cannot fall below the entropy of the target (0.9, 0.1): 0.325 nats.
        assertTrue(smooth.last().trainLoss() > 0.3, "train loss " + smooth.last().trainLoss());
    }

    @Test
    void affineWarpFiresAndKeepsTheLabel() {
        Augmentation forced = Augmentation.builder().add(new RandAffine(10, 1, 0.9, 1.1, 1, 0.05, 1)).build();
        EpochPlan plan = allInOrder(8);
        DataSet raw = new Batcher(TRAIN, 2, forced, false, 7).batch(plan, 0, 0, 8);
        DataSet warped = new Batcher(TRAIN, 2, forced, true, 7).batch(plan, 0, 0, 8);
        assertEquals(raw.getLabels(), warped.getLabels());
        for (int k = 0; k < 8; k++) {
            assertNotEquals(raw.getFeatures().slice(k), warped.getFeatures().slice(k), "image " + k);
        }
    }

    @Test
    void fadedEpochStrengthScalesAugmentationAndZeroLeavesImagesUntouched() {
        EpochPlan plan = allInOrder(8);
        Batcher b = new Batcher(TRAIN, 2, Augmentation.standard(), true, 7);
        DataSet raw = new Batcher(TRAIN, 2, Augmentation.standard(), false, 7).batch(plan, 3, 0, 8);
        assertEquals(raw.getFeatures(), b.batch(plan, 3, 0, 8, 0.0).getFeatures(), "last faded epoch: clean images");
        assertEquals(b.batch(plan, 3, 0, 8).getFeatures(), b.batch(plan, 3, 0, 8, 1.0).getFeatures());
        assertNotEquals(raw.getFeatures(), b.batch(plan, 3, 0, 8, 1.0).getFeatures());
    }

    @Test
    void warmupScalesTheScheduleRateInTheTrainer() throws Exception {
        TrainConfig base = SyntheticData.config(4).setEpochs(3).build();
        double warm = 1.5;
        List<double[]> seen = new ArrayList<>();
        Trainer.of(base.toBuilder().optWarmupEpochs(warm).optLearningRate(0.02).build())
                .withListener(new TrainingListener() {
                    @Override
                    public void onBatch(int epoch, int batch, int n, double loss, double lr) {
                        seen.add(new double[] {epoch, batch, n, lr});
                    }
                }).train(TRAIN, VAL, tmp.resolve("warm"));
        assertEquals(3 * 4, seen.size());
        for (double[] s : seen) {
            LrProgress p = new LrProgress((int) s[0], (int) s[1], (int) s[2], 3, List.of());
            double cosine = LrSchedule.byName("cosine").learningRate(0.02, p);
            double expected = cosine * Math.min(1, (p.step() + 1) / (warm * p.iterationsPerEpoch()));
            assertEquals(expected, s[3], 1e-15, "step " + p.step());
        }
        assertEquals(0.02 * 0.25 / 1.5, seen.get(0)[3], 1e-12, "first step: 1/6 of the cosine's start");
        assertTrue(seen.get(5)[3] > seen.get(4)[3] && seen.get(6)[3] < seen.get(5)[3], "rises, then cosine decay");
    }

    @Test
    void testTimeFlipAveragesTheImageAndItsMirror() throws Exception {
        MultiLayerNetwork net = Trainer.of(SyntheticData.config(6).setEpochs(1).build())
                .train(TRAIN, VAL, tmp.resolve("net")).network();
        int n = VAL.size();
        int size = VAL.imageSize();
        float[] mirrored = new float[n * size];
        for (int i = 0; i < n; i++) {
            FloatImage m = RandFlip.flipHorizontal(VAL.image(i));
            System.arraycopy(m.pixels(), 0, mirrored, i * size, size);
        }
        TensorDataset mirror = TensorDataset.of(mirrored, n, 1, VAL.height(), VAL.width(), VAL.labels(), VAL.ids());
        double[][] p = NetworkEvaluator.predict(net, VAL, 7);
        double[][] q = NetworkEvaluator.predict(net, mirror, 7);
        double[][] tta = NetworkEvaluator.predict(net, VAL, 7, true);
        boolean differs = false;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 2; c++) {
                // 1e-6, not exact: the flip pass runs originals and mirrors as one minibatch of twice the size,
                // for which oneDNN may sum in another order (NetworkEvaluator.predict).
                assertEquals((p[i][c] + q[i][c]) / 2, tta[i][c], 1e-6, "image " + i);
            }
            differs |= Math.abs(p[i][0] - tta[i][0]) > 1e-6;
        }
        assertTrue(differs, "the mirror image changes some prediction");
        assertArrayEquals(p[3], NetworkEvaluator.predict(net, VAL, 7, false)[3]);
        NetworkEvaluator.LossAccuracy la = NetworkEvaluator.evaluate(net, VAL, 7, true);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            loss -= Math.log(tta[i][VAL.label(i)]);
        }
        assertEquals(loss / n, la.loss(), 1e-12);
    }

    @Test
    void averageOfLastEpochsIsTheMeanOfTheirParameters() throws Exception {
        TrainConfig plain = SyntheticData.config(9).setEpochs(3).optLrSchedule(new LrSchedule.Constant()).build();
        Path plainDir = tmp.resolve("plain");
        List<INDArray> snapshots = new ArrayList<>();
        Trainer.of(plain).withListener(new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats stats) {
                try {
                    snapshots.add(Checkpoints.loadNetwork(plainDir.resolve(Checkpoints.networkFileName(
                            stats.epoch() + 1)), false).params().dup());
                } catch (CheckpointException e) {
                    throw new AssertionError(e);
                }
            }
        }).train(TRAIN, VAL, plainDir);
        assertEquals(3, snapshots.size());

        TrainConfig averaged = plain.toBuilder().optAverageLastEpochs(2).build();
        TrainingResult r = Trainer.of(averaged).train(TRAIN, VAL, tmp.resolve("avg"));
        float[] got = r.network().params().data().asFloat();
        float[] p1 = snapshots.get(1).data().asFloat();
        float[] p2 = snapshots.get(2).data().asFloat();
        for (int i = 0; i < got.length; i++) {
            assertEquals((float) ((p1[i] + (double) p2[i]) / 2), got[i], "parameter " + i);
        }
        assertEquals(2, r.bestEpoch());
        assertEquals(NetworkEvaluator.evaluate(r.network(), VAL, 64).loss(), r.bestValLoss(), 1e-12);
        MultiLayerNetwork kept = Checkpoints.loadNetwork(tmp.resolve("avg").resolve(Checkpoints.MODEL_FILE), false);
        assertEquals(r.network().params(), kept.params(), "model.zip is the average");
        assertTrue(!java.nio.file.Files.exists(WeightAverage.file(tmp.resolve("avg"), 3)), "finished: sum removed");
        assertEquals(r.network().params(), Trainer.resume(tmp.resolve("avg"), TRAIN, VAL).network().params(),
                "a finished run resumes to the same average");
    }

    @Test
    void averagingSurvivesAStopInsideTheWindow() throws Exception {
        TrainConfig cfg = SyntheticData.config(10).setEpochs(3).optAverageLastEpochs(2).build();
        TrainingResult full = Trainer.of(cfg).train(TRAIN, VAL, tmp.resolve("full"));
        AtomicBoolean stop = new AtomicBoolean();
        Path dir = tmp.resolve("stopped");
        TrainingResult part = Trainer.of(cfg).withStopSignal(stop::get).withListener(new TrainingListener() {
            @Override
            public void onBatch(int epoch, int batch, int n, double loss, double lr) {
                if (epoch == 2 && batch == 1) {
                    stop.set(true); // inside the last epoch, after one snapshot was summed
                }
            }
        }).train(TRAIN, VAL, dir);
        assertEquals(TrainingResult.Status.INTERRUPTED, part.status());
        assertTrue(java.nio.file.Files.exists(WeightAverage.file(dir, 2)), "the sum after epoch 2 waits for resume");
        TrainingResult resumed = Trainer.resume(dir, TRAIN, VAL);
        TrainerTest.assertSameRun(full, resumed);
    }

    @Test
    void halfSizeBatchesAreTwoByTwoMeansOfTheFullOnes() {
        EpochPlan plan = allInOrder(5);
        Batcher b = new Batcher(TRAIN, 2, Augmentation.standard(), true, 7, 0.1);
        DataSet full = b.batch(plan, 1, 0, 5, 0.5);
        DataSet half = b.batch(plan, 1, 0, 5, 0.5, true);
        assertArrayEquals(new long[] {5, 1, 16, 16}, half.getFeatures().shape());
        assertEquals(full.getLabels(), half.getLabels());
        for (int[] at : new int[][] {{0, 0, 0}, {3, 7, 11}, {4, 15, 15}}) {
            int n = at[0];
            int y = at[1];
            int x = at[2];
            double mean = (full.getFeatures().getDouble(n, 0, 2 * y, 2 * x)
                    + full.getFeatures().getDouble(n, 0, 2 * y, 2 * x + 1)
                    + full.getFeatures().getDouble(n, 0, 2 * y + 1, 2 * x)
                    + full.getFeatures().getDouble(n, 0, 2 * y + 1, 2 * x + 1)) / 4;
            assertEquals(mean, half.getFeatures().getDouble(n, 0, y, x), 1e-6);
        }
    }

    @Test
    void progressiveResizingTrainsSmallFirstWithAGlobalPoolingHead() throws Exception {
        org.mriworkbench.model.CnnSpec pooled = SyntheticData.tinyNet(12).toBuilder()
                .optHead(org.mriworkbench.model.CnnSpec.Head.GLOBAL_AVERAGE).build();
        TrainConfig base = SyntheticData.config(12).setModel(pooled).setEpochs(2).build();
        TrainingResult plain = Trainer.of(base).train(TRAIN, VAL, tmp.resolve("plain"));
        TrainingResult prog = Trainer.of(base.toBuilder().setModel(pooled).optProgressiveResizeEpochs(1).build())
                .train(TRAIN, VAL, tmp.resolve("prog"));
        assertEquals(TrainingResult.Status.COMPLETED, prog.status());
        assertNotEquals(plain.history().get(0).trainLoss(), prog.history().get(0).trainLoss(), "epoch 1 at 16 px");
        assertTrue(Double.isFinite(prog.last().valLoss()), "validation runs at full size: " + prog.history());
        assertEquals(VAL.size(), NetworkEvaluator.predict(prog.network(), VAL, 8).length);
    }

    @Test
    void fadeScheduleIsWhatTheTrainerUses() {
        // The trainer asks AugmentSchedule per epoch; with the default fraction every epoch is exactly 1.
        TrainConfig cfg = SyntheticData.config(1).setEpochs(4).optAugmentFadeFraction(0.5).build();
        assertEquals(0.5, AugmentSchedule.factor(2, cfg.epochs(), cfg.augmentFadeFraction()));
        assertEquals(0.0, AugmentSchedule.factor(3, cfg.epochs(), cfg.augmentFadeFraction()));
    }
}
