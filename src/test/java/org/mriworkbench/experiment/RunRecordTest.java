package org.mriworkbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.data.Task;
import org.mriworkbench.model.CnnPresets;
import org.mriworkbench.train.CheckpointException;
import org.mriworkbench.train.TensorDataset;
import org.mriworkbench.train.TrainConfig;
import org.mriworkbench.train.Trainer;
import org.mriworkbench.train.TrainingResult;
import org.mriworkbench.eval.Predictions;

/** One real (tiny) run recorded, listed, read back and diffed. */
class RunRecordTest {

    @TempDir
    Path tmp;

    static TensorDataset data(int n, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        float[] x = new float[n * 16 * 16];
        int[] y = new int[n];
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int p = 0; p < 256; p++) {
                x[i * 256 + p] = (float) (rng.nextDouble() * 0.5 + 0.4 * y[i]);
            }
            ids.add("img" + i + ".png");
        }
        return TensorDataset.of(x, n, 1, 16, 16, y, ids);
    }

    static TrainConfig config(long seed) {
        return TrainConfig.builder().setTask(Task.BINARY).setModel(CnnPresets.seedBaseline(16, 2, seed))
                .setSeed(seed).setEpochs(2).optBatchSize(16).optThreads(1).optRunName("tiny run").build();
    }

    @Test
    void recordedRunReadsBackAndDiffsAgainstAnother() throws Exception {
        TensorDataset train = data(64, 1);
        TensorDataset val = data(32, 2);
        TensorDataset test = data(20, 3);
        Path root = tmp.resolve("runs");

        RunRecorder rec = RunRecorder.start(root, config(1), train.fingerprint(), "split-A");
        assertTrue(rec.folder().name().matches("\\d{8}-\\d{6}-tiny-run"), rec.folder().name());
        TrainingResult r = Trainer.of(config(1)).train(train, val, rec.folder().dir());
        Predictions written = rec.writePredictions(r.network(), test);
        Manifest done = rec.finish();

        RunRecord back = RunRecord.read(rec.folder().dir());
        assertEquals(config(1), back.config());
        assertEquals(done, back.manifest());
        assertEquals(r.history(), back.history());
        assertEquals(written, back.predictions().orElseThrow());
        assertEquals(20, back.predictions().orElseThrow().size());
        assertEquals(r.network().params(), back.loadModel().params(), "model.zip is the best = last epoch here");

        RunRecorder other = RunRecorder.start(root, config(2), train.fingerprint(), "split-B");
        Trainer.of(config(2)).train(train, val, other.folder().dir());
        List<RunRecord> runs = RunRecord.list(root);
        assertEquals(2, runs.size());
        List<String> fields = runs.get(0).diff(runs.get(1)).stream().map(FieldDifference::field).toList();
        assertTrue(fields.containsAll(List.of("config.seed", "config.model.seed", "manifest.seed",
                "manifest.splitFingerprint")), fields.toString());
        assertTrue(fields.stream().noneMatch(f -> f.contains("Time") || f.contains("wall")), fields.toString());
    }

    @Test
    void runFolderNamesAreUniqueAndSafe() throws Exception {
        Instant t = Instant.parse("2025-03-04T05:06:07Z");
        RunFolder a = RunFolder.create(tmp, "../evil name", t);
        RunFolder b = RunFolder.create(tmp, "../evil name", t);
        assertEquals(tmp, a.dir().getParent());
        assertTrue(b.name().endsWith("-2"), b.name());
        assertTrue(!a.name().contains("/") && !a.name().contains(" "), a.name());
    }

    @Test
    void missingModelIsReportedWithItsPath() throws Exception {
        RunRecorder rec = RunRecorder.start(tmp, config(1), "d", "s");
        Files.writeString(rec.folder().history(), "epoch,train_loss,train_accuracy,val_loss,val_accuracy,"
                + "learning_rate,seconds,images_per_second\n");
        RunRecord r = RunRecord.read(rec.folder().dir());
        CheckpointException e = assertThrows(CheckpointException.class, r::loadModel);
        assertTrue(e.getMessage().contains(rec.folder().model().toString()), e.getMessage());
    }
}
