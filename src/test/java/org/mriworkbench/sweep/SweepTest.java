package org.mriworkbench.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.phantom.PhantomConfig;
import org.mriworkbench.phantom.PhantomGenerator;
import org.mriworkbench.data.Subset;
import org.mriworkbench.data.Task;
import org.mriworkbench.experiment.ExperimentRunner;
import org.mriworkbench.experiment.PreparedData;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.core.ProgressListener;
import org.mriworkbench.experiment.RunRecord;
import org.mriworkbench.train.EpochStats;
import org.mriworkbench.train.TrainConfig;
import org.mriworkbench.train.TrainingListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real sweep on a small phantom set: trials are recorded runs, an interrupted sweep resumes (the finished trial is
 * reused, the stopped one continues from its checkpoint), the trial budget holds, and no test image reaches a model.
 */
class SweepTest {

    @TempDir
    Path dir;

    @Test
    void recordsResumesReusesAndNeverReadsTheTestSet() throws Exception {
        Path data = dir.resolve("phantoms");
        new PhantomGenerator(PhantomConfig.builder().optSeed(21).optImageSize(64).optTrainingPerClass(24)
                .optTestingPerClass(8).build()).writeDataset(data);
        Path runs = dir.resolve("runs");
        TrialData where = TrialData.of(data, dir.resolve("cache"), runs);
        TrainConfig base = TrainConfig.builder().setTask(Task.FOUR_CLASS).setPreset("classic").setInputSize(32)
                .setSeed(3).setEpochs(2).optBatchSize(16).optThreads(1).build();
        // A 2x2 grid cut to 3 trials by the budget.
        SweepSpec spec = SweepSpec.of("phantom", base).withFactor("model.head", "flatten", "global-average")
                .withFactor("learningRate", 1e-3, 3e-3).withBudget(new SweepSpec.Budget(3, 0));
        Path sweepDir = dir.resolve("sweeps/phantom");

        // First invocation: stop at the end of the second trial's first epoch (third epoch overall).
        AtomicInteger epochs = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        TrainingListener stopper = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats s) {
                if (epochs.incrementAndGet() == 3) {
                    stop.set(true);
                }
            }
        };
        SweepResult first = Sweep.of(spec, where, sweepDir).withListener(stopper).withStopSignal(stop::get).run();
        assertFalse(first.complete());
        assertEquals(1, first.outcomes().size());
        assertEquals(2, runFolders(runs).size());
        Path firstRun = Path.of(first.outcomes().get(0).runDir());

        // Second invocation: reuses trial 1, resumes trial 2 for its last epoch, trains trial 3 (two epochs).
        AtomicInteger epochs2 = new AtomicInteger();
        SweepResult r = Sweep.of(spec, where, sweepDir).withListener(new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats s) {
                epochs2.incrementAndGet();
            }
        }).run();
        assertTrue(r.complete(), r.ended());
        assertEquals(3, epochs2.get(), "trained epochs in the second invocation");
        assertEquals(3, r.outcomes().size());
        assertEquals(3, runFolders(runs).size());
        assertEquals(firstRun, Path.of(r.outcomes().get(0).runDir()));

        // Every trial is a recorded run of exactly its config.
        List<RunRecord> records = RunRecord.list(runs);
        assertEquals(Set.copyOf(r.trials().stream().map(Trial::config).toList()),
                Set.copyOf(records.stream().map(RunRecord::config).toList()));
        assertTrue(records.stream().allMatch(x -> x.manifest().endTime() != null));

        // Ranked by the metric, best first, written out.
        double[] ranked = r.ranked().stream().mapToDouble(o -> o.value(SweepMetric.BALANCED_ACCURACY)).toArray();
        assertTrue(ranked[0] >= ranked[1] && ranked[1] >= ranked[2]);
        assertEquals(1.0, r.comparisons().get(r.best().orElseThrow().name()).pValue());
        assertTrue(Files.isRegularFile(sweepDir.resolve(SweepResult.TABLE_FILE)));
        assertTrue(Files.isRegularFile(sweepDir.resolve(Sweep.TRIALS_FILE)));
        for (String f : r.mainFactors()) {
            assertTrue(Files.size(sweepDir.resolve(SweepResult.chartFile(f))) > 0, f);
        }

        // A third invocation trains nothing.
        AtomicInteger epochs3 = new AtomicInteger();
        Sweep.resume(sweepDir).withListener(new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats s) {
                epochs3.incrementAndGet();
            }
        }).run();
        assertEquals(0, epochs3.get());

        // The test subset was never read: no run has test predictions, and no file of any run or of the sweep names
        // a test image, while every trial scored exactly the validation images.
        PreparedData prepared = PreparedData.prepare(data, dir.resolve("cache"), where.audit(), where.split(),
                where.preprocessing(32), ProgressListener.NONE);
        Set<String> testIds = ids(prepared, Subset.TEST);
        Set<String> validationIds = ids(prepared, Subset.VALIDATION);
        assertFalse(testIds.isEmpty());
        for (RunRecord x : records) {
            assertTrue(x.predictions().isEmpty(), "test predictions in " + x.folder().dir());
            Predictions val = Predictions.read(x.folder().validationPredictions());
            assertEquals(validationIds, Set.copyOf(val.ids()));
        }
        for (Path f : textFiles(dir.resolve("runs"), sweepDir)) {
            String text = Files.readString(f);
            for (String id : testIds) {
                assertFalse(text.contains(id), f + " names test image " + id);
            }
        }
        // And the runner the trials use cannot reach it at all.
        ExperimentRunner guarded = ExperimentRunner.of(prepared, runs).validationOnly();
        assertThrows(IllegalStateException.class, () -> guarded.subset(Subset.TEST, Task.FOUR_CLASS, 3));
    }

    private static Set<String> ids(PreparedData d, Subset s) {
        Set<String> out = new HashSet<>();
        for (int i : d.split().indices(s)) {
            out.add(d.index().get(i).path());
        }
        return out;
    }

    private static List<Path> runFolders(Path runs) throws Exception {
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("config.json"))).sorted().toList();
        }
    }

    private static List<Path> textFiles(Path... roots) throws Exception {
        List<Path> out = new java.util.ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".json")).forEach(out::add);
            }
        }
        return out;
    }
}
