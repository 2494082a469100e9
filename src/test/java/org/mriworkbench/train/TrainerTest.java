package org.mriworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Trains tiny networks on 32x32 synthetic images; the whole class takes seconds on two cores. */
class TrainerTest {

    static final TensorDataset TRAIN = SyntheticData.binary(128, 1);
    static final TensorDataset VAL = SyntheticData.binary(32, 2);

    @TempDir
    Path tmp;

    @Test
    void learnsAndWritesHistoryCheckpointAndModel() throws Exception {
        List<EpochStats> seen = new ArrayList<>();
        AtomicInteger batches = new AtomicInteger();
        TrainingResult r = Trainer.of(SyntheticData.config(5).build())
                .withListener(new TrainingListener() {
                    @Override
                    public void onBatch(int epoch, int batch, int n, double loss, double lr) {
                        batches.incrementAndGet();
                    }

                    @Override
                    public void onEpochEnd(EpochStats stats) {
                        seen.add(stats);
                    }
                }).train(TRAIN, VAL, tmp.resolve("run"));
        assertEquals(TrainingResult.Status.COMPLETED, r.status());
        assertEquals(3, r.history().size());
        assertEquals(r.history(), seen);
        assertEquals(3 * 8, batches.get());
        assertTrue(r.last().valAccuracy() > 0.8, "synthetic blobs are easy: " + r.history());
        assertEquals(r.history(), HistoryCsv.read(tmp.resolve("run/history.csv")));
        CheckpointState s = Checkpoints.readState(tmp.resolve("run"));
        assertEquals(3, s.epochsCompleted());
        assertTrue(s.finished());
        assertTrue(r.history().get(2).learningRate() < r.history().get(0).learningRate(), "cosine decays");
    }

    /** Two threads too: oneDNN's and libnd4j's parallel reductions must not make results vary from run to run. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void sameConfigAndSeedGiveIdenticalLossesAndParams(int threads) throws Exception {
        TrainConfig cfg = SyntheticData.config(11).setEpochs(3 - threads).optThreads(threads).build();
        TrainingResult a = Trainer.of(cfg).train(TRAIN, VAL, tmp.resolve("a"));
        TrainingResult b = Trainer.of(cfg).train(TRAIN, VAL, tmp.resolve("b"));
        assertSameRun(a, b);
    }

    @Test
    void stopSignalLeavesCheckpointAndResumeMatchesUninterruptedRun() throws Exception {
        TrainConfig cfg = SyntheticData.config(21).setEpochs(3).build();
        TrainingResult full = Trainer.of(cfg).train(TRAIN, VAL, tmp.resolve("full"));

        AtomicInteger calls = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Path dir = tmp.resolve("stopped");
        TrainingResult part = Trainer.of(cfg).withStopSignal(() -> stop.get())
                .withListener(new TrainingListener() {
                    @Override
                    public void onBatch(int epoch, int batch, int n, double loss, double lr) {
                        if (epoch == 1 && batch == 3) {
                            stop.set(true); // stop in the middle of the second epoch
                        }
                        calls.incrementAndGet();
                    }
                }).train(TRAIN, VAL, dir);
        assertEquals(TrainingResult.Status.INTERRUPTED, part.status());
        assertEquals(1, part.history().size());
        assertEquals(1, Checkpoints.readState(dir).epochsCompleted());

        TrainingResult resumed = Trainer.resume(dir, TRAIN, VAL);
        assertSameRun(full, resumed);
        assertEquals(full.history().size(), HistoryCsv.read(dir.resolve("history.csv")).size());
    }

    @Test
    void threadInterruptStopsBetweenMinibatchesAndKeepsTheCheckpoint() throws Exception {
        Path dir = tmp.resolve("interrupted");
        TrainingResult r;
        try {
            r = Trainer.of(SyntheticData.config(8).setEpochs(2).build()).withListener(new TrainingListener() {
                @Override
                public void onBatch(int epoch, int batch, int n, double loss, double lr) {
                    if (epoch == 0 && batch == 1) {
                        Thread.currentThread().interrupt();
                    }
                }
            }).train(TRAIN, VAL, dir);
        } finally {
            Thread.interrupted(); // leave JUnit's thread clean
        }
        assertEquals(TrainingResult.Status.INTERRUPTED, r.status());
        assertTrue(r.history().isEmpty());
        assertEquals(0, Checkpoints.readState(dir).epochsCompleted(), "the initial checkpoint is still there");
        assertEquals(2, Trainer.resume(dir, TRAIN, VAL).history().size());
    }

    @Test
    void earlyStoppingStopsAndRestoresBestNetwork() throws Exception {
        // minDelta 10 means nothing after the first epoch counts as an improvement.
        TrainConfig cfg = SyntheticData.config(3).setEpochs(5).optEarlyStopping(new EarlyStopping(1, 10, true))
                .build();
        TrainingResult r = Trainer.of(cfg).train(TRAIN, VAL, tmp.resolve("es"));
        assertEquals(TrainingResult.Status.EARLY_STOPPED, r.status());
        assertEquals(2, r.history().size());
        assertEquals(0, r.bestEpoch());
        assertEquals(r.history().get(0).valLoss(), NetworkEvaluator.evaluate(r.network(), VAL, 64).loss(), 1e-9);
        // Resuming a finished run returns the same result without training.
        TrainingResult again = Trainer.resume(tmp.resolve("es"), TRAIN, VAL);
        assertEquals(r.history(), again.history());
        assertEquals(r.network().params(), again.network().params());
    }

    @Test
    void refusesMismatchedDataAndExistingCheckpoint() throws Exception {
        TrainConfig cfg = SyntheticData.config(4).setEpochs(1).build();
        TensorDataset wrongSize = TensorDataset.of(new float[16 * 16], 1, 1, 16, 16, new int[] {0}, List.of("x"));
        assertThrows(IllegalArgumentException.class, () -> Trainer.of(cfg).train(wrongSize, VAL, tmp.resolve("w")));
        Trainer.of(cfg).train(TRAIN, VAL, tmp.resolve("once"));
        assertThrows(IllegalStateException.class, () -> Trainer.of(cfg).train(TRAIN, VAL, tmp.resolve("once")));
        TrainConfig other = cfg.toBuilder().setSeed(99).build();
        assertThrows(IllegalStateException.class, () -> Trainer.of(other).resume(TRAIN, VAL, tmp.resolve("once")));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Trainer.resume(tmp.resolve("once"), TRAIN, TRAIN));
        assertTrue(e.getMessage().contains("data differ"), e.getMessage());
    }

    static void assertSameRun(TrainingResult a, TrainingResult b) {
        assertEquals(a.history().size(), b.history().size());
        for (int i = 0; i < a.history().size(); i++) {
            assertTrue(a.history().get(i).sameResultsAs(b.history().get(i)),
                    "epoch " + i + ": " + a.history().get(i) + " vs " + b.history().get(i));
        }
        assertEquals(a.network().params(), b.network().params());
    }
}
