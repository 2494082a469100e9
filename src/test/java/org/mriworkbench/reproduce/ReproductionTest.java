package org.mriworkbench.reproduce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.core.ProgressListener;
import org.mriworkbench.data.AuditConfig;
import org.mriworkbench.phantom.PhantomConfig;
import org.mriworkbench.phantom.PhantomGenerator;
import org.mriworkbench.data.SplitConfig;
import org.mriworkbench.data.Subset;
import org.mriworkbench.data.Task;
import org.mriworkbench.preprocess.Preprocessing;
import org.mriworkbench.sweep.Sweep;
import org.mriworkbench.sweep.SweepMetric;
import org.mriworkbench.sweep.SweepSpec;
import org.mriworkbench.sweep.Trial;
import org.mriworkbench.sweep.TrialData;
import org.mriworkbench.train.TrainConfig;
import org.mriworkbench.train.EpochStats;
import org.mriworkbench.train.TrainingListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.mriworkbench.experiment.ExperimentRunner;
import org.mriworkbench.report.ModelCard;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.experiment.PreparedData;
import org.mriworkbench.core.ProgressListener;
import org.mriworkbench.runeval.RunEvaluation;
import org.mriworkbench.experiment.TestClusters;
import org.mriworkbench.experiment.RunFolder;

/**
 * {@code reproduce} end to end on a small phantom set with tiny sizes: the recipe sweep reads no test image, a stopped
 * invocation resumes, the re-run repeats the numbers bit for bit, a second invocation trains nothing, and the table
 * says what was measured (mean ± sd over seeds, closeness to training, paired tests).
 */
class ReproductionTest {

    @TempDir
    Path dir;

    @Test
    void selectsOnValidationTrainsSeedsResumesRepeatsAndWritesTheTable() throws Exception {
        Path data = dir.resolve("phantoms");
        new PhantomGenerator(PhantomConfig.builder().optSeed(11).optImageSize(64).optTrainingPerClass(30)
                .optTestingPerClass(10).build()).writeDataset(data);
        Path runs = dir.resolve("runs");
        // A two-trial selection at 32 px, one epoch, written as a spec file the way the committed one is read.
        TrainConfig base = TrainConfig.builder().setTask(Task.FOUR_CLASS).setPreset("classic").setInputSize(32)
                .setSeed(5).setEpochs(1).optBatchSize(16).optAugmentation(true, 1.0).optThreads(1).optRunName("tiny")
                .build();
        Path specFile = dir.resolve("tiny-sweep.json");
        Files.writeString(specFile, SweepSpec.of("tiny", base).withFactor("augmentStrength", 0.0, 0.5)
                .withMetric(SweepMetric.ACCURACY).toJson());
        SweepSpec spec = SweepSpec.read(specFile);
        Reproduction.Settings settings = new Reproduction.Settings(32, 2, List.of(5L, 6L), spec, 1, 200, true);

        // Stop the very first run (a selection trial) after its first epoch: the reproduction must say how to
        // continue, not lose it.
        AtomicBoolean stop = new AtomicBoolean();
        TrainingListener stopAfterFirstEpoch = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats s) {
                stop.set(true);
            }
        };
        Reproduction stopped = Reproduction.of(data, dir.resolve("cache"), runs).withSettings(settings)
                .withListener(stopAfterFirstEpoch).withStopSignal(stop::get);
        assertThrows(ExperimentRunner.RunStoppedException.class, stopped::run);
        assertEquals(1, folders(runs).size());

        Reproduction.Result r = Reproduction.of(data, dir.resolve("cache"), runs).withSettings(settings).run();
        List<Path> after = folders(runs);
        // Two selection trials, the seed-baseline, two headline seeds and the re-run.
        assertEquals(2 + 1 + 2 + 1, after.size(), after.toString());

        // Selection: ranked by validation accuracy, the headline config is the winner moved to the reference sizes.
        List<RecipeSelection.Row> ranking = r.selection().ranking();
        assertEquals(2, ranking.size());
        assertTrue(ranking.get(0).validation().estimate() >= ranking.get(1).validation().estimate());
        for (RecipeSelection.Row row : ranking) {
            assertTrue(row.validation().lower() <= row.validation().estimate()
                    && row.validation().estimate() <= row.validation().upper(), row.toString());
        }
        assertEquals(1.0, ranking.get(0).vsBest().pValue());
        TrainConfig headline = r.headlineConfig();
        assertEquals(Double.parseDouble(r.selection().chosenFactors().get("augmentStrength")),
                headline.augmentStrength());
        assertEquals(32, headline.inputSize());
        assertEquals(2, headline.epochs());
        assertEquals(5L, headline.seed());
        assertEquals(5L, headline.model().seed());

        // Selection read no test image: its runs have no test predictions, and no file of theirs or of the sweep
        // names one.
        PreparedData prepared = prepare(data);
        Set<String> testIds = new HashSet<>();
        for (int i : prepared.split().indices(Subset.TEST)) {
            testIds.add(prepared.index().get(i).path());
        }
        assertFalse(testIds.isEmpty());
        List<Path> selectionFiles = new ArrayList<>();
        for (RecipeSelection.Row row : ranking) {
            Path trialDir = Path.of(r.selection().sweep().outcomes().stream()
                    .filter(o -> o.name().equals(row.trial())).findFirst().orElseThrow().runDir());
            assertFalse(Files.exists(new RunFolder(trialDir).predictions()), trialDir.toString());
            selectionFiles.addAll(textFiles(trialDir));
        }
        selectionFiles.addAll(textFiles(runs.resolve(RecipeSelection.SWEEPS)));
        for (Path f : selectionFiles) {
            String text = Files.readString(f);
            for (String id : testIds) {
                assertFalse(text.contains(id), f + " names test image " + id);
            }
        }

        assertNotNull(r.reproducibility());
        assertTrue(r.reproducibility().identical(), () -> "re-run differs: " + r.reproducibility());
        assertEquals(Reproduction.headlineName(5), r.reproducibility().original());

        // Three reference runs: the seed-baseline and two seeds, every interval over duplicate clusters.
        assertEquals(3, r.entries().size());
        assertEquals(List.of(5L, 6L), r.headline().stream().map(Reproduction.Entry::seed).toList());
        for (Reproduction.Entry e : r.entries()) {
            assertTrue(Files.isRegularFile(new RunFolder(e.runDir()).testClusters()), e.runDir().toString());
            assertEquals(RunEvaluation.CLUSTERS, e.leakageFree().resampling());
            assertNotNull(e.leakageFree().accuracyPerImage());
            assertEquals(e.leakageFree().n(), e.closeness().closeImages() + e.closeness().farImages());
        }
        SeedSummary acc = r.summaries().get(0);
        assertEquals("accuracy", acc.metric());
        double a5 = r.headline().get(0).leakageFree().headline().get("accuracy").estimate();
        double a6 = r.headline().get(1).leakageFree().headline().get("accuracy").estimate();
        assertEquals((a5 + a6) / 2, acc.mean(), 1e-12);
        assertEquals(Math.abs(a5 - a6) / Math.sqrt(2), acc.sd(), 1e-12);
        // Tumour detection from the four-class models: a validation threshold and test figures at it.
        assertTrue(r.headline().stream().allMatch(e -> e.leakageFree().operatingPoint() != null));
        // Pairs: the two seeds (McNemar, DeLong), then seed 5 against the seed-baseline (McNemar, DeLong).
        assertEquals(4, r.pairs().size());
        assertEquals(Reproduction.headlineName(5), r.pairs().get(0).runA());
        assertEquals(a5, r.pairs().get(0).result().estimateA(), 1e-12);
        assertEquals(a6, r.pairs().get(0).result().estimateB(), 1e-12);
        assertEquals(2, r.shift().size());

        Path out = dir.resolve("out");
        Path file = ResultsTable.write(r, out);
        String md = Files.readString(file);
        for (Reproduction.Entry e : r.entries()) {
            assertTrue(md.contains(e.name()));
            assertTrue(Files.isRegularFile(out.resolve(ResultsTable.cardFile(e))));
            assertTrue(Files.isRegularFile(out.resolve(ModelCard.configFile(ResultsTable.cardFile(e)))));
        }
        assertTrue(md.contains(acc.meanSd()), md);
        assertTrue(md.contains(" ± "));
        assertTrue(md.contains("by closeness to training") && md.contains("images at r ≥ 0.95"), md);
        assertTrue(md.contains("DeLong") && md.contains("McNemar"));
        assertTrue(md.contains("tiny-t01") && md.contains("tiny-t02"));
        String bar = md.lines().filter(l -> l.contains("accuracy ≥ 0.955")).findFirst().orElseThrow();
        assertTrue(bar.endsWith(acc.mean() >= 0.955 ? "yes |" : "**no** |") || bar.contains("goal"), bar);
        assertTrue(md.contains("bit-identical"));
        assertTrue(md.contains(r.dataFingerprint()));

        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# Title\n\n" + ResultsTable.BEGIN + "\nold table\n" + ResultsTable.END
                + "\n\nafter\n");
        assertTrue(ResultsTable.updateReadme(r, readme, file));
        String updated = Files.readString(readme);
        assertTrue(updated.startsWith("# Title\n\n" + ResultsTable.BEGIN) && updated.endsWith(ResultsTable.END
                + "\n\nafter\n"), updated);
        assertFalse(updated.contains("old table"));
        assertTrue(updated.contains("](out/RESULTS.md)") && updated.contains(acc.meanSd()), updated);
        assertTrue(updated.contains("(out/" + Reproduction.headlineName(6) + "-MODEL_CARD.md)"), updated);
        Path plain = dir.resolve("PLAIN.md");
        Files.writeString(plain, "no markers\n");
        assertFalse(ResultsTable.updateReadme(r, plain, file));
        assertEquals("no markers\n", Files.readString(plain));

        // Reuse is only for the same images: the same config on another data set must train afresh.
        Path other = dir.resolve("other");
        new PhantomGenerator(PhantomConfig.builder().optSeed(12).optImageSize(64).optTrainingPerClass(30)
                .optTestingPerClass(10).build()).writeDataset(other);
        Path ref1 = r.entries().get(0).runDir();
        assertFalse(ExperimentRunner.of(prepare(other), runs).sameDataAs(ref1));
        assertTrue(ExperimentRunner.of(prepare(data), runs).sameDataAs(ref1));

        // A second invocation trains nothing and gives the same table.
        AtomicInteger epochs = new AtomicInteger();
        Reproduction.Result again = Reproduction.of(data, dir.resolve("cache"), runs).withSettings(settings)
                .withListener(new TrainingListener() {
                    @Override
                    public void onEpochEnd(EpochStats s) {
                        epochs.incrementAndGet();
                    }
                }).run();
        assertEquals(0, epochs.get());
        assertEquals(after, folders(runs));
        assertEquals(ResultsTable.render(r).lines().filter(l -> l.startsWith("| accuracy")).toList(),
                ResultsTable.render(again).lines().filter(l -> l.startsWith("| accuracy")).toList());
    }

    @Test
    void theCommittedSelectionSpecIsASmallValidationAccuracySweep() throws Exception {
        SweepSpec spec = SweepSpec.read(Reproduction.SELECTION_SPEC);
        List<Trial> trials = Sweep.of(spec, TrialData.of(dir, dir, dir), dir.resolve("s")).trials();
        assertTrue(trials.size() >= 2 && trials.size() <= 6, trials.toString());
        assertEquals(SweepMetric.ACCURACY, spec.metric());
        assertEquals(Task.FOUR_CLASS, spec.baseConfig().task());
        // The full profile's headline runs move the winner to their size and epochs, keeping its recipe.
        TrainConfig moved = RecipeSelection.moved(trials.get(0).config(), Reproduction.Settings.FULL_SIZE,
                Reproduction.Settings.FULL_EPOCHS, 43, 2, "x");
        assertEquals(trials.get(0).config().augmentStrength(), moved.augmentStrength());
        assertEquals(trials.get(0).config().augmentWarp(), moved.augmentWarp());
        TrainConfig last = trials.get(trials.size() - 1).config();
        TrainConfig lastMoved = RecipeSelection.moved(last, Reproduction.Settings.FULL_SIZE,
                Reproduction.Settings.FULL_EPOCHS, 43, 2, "x");
        assertEquals(last.labelSmoothing(), lastMoved.labelSmoothing());
        assertEquals(last.augmentFadeFraction(), lastMoved.augmentFadeFraction());
        assertEquals(last.testTimeFlip(), lastMoved.testTimeFlip());
        assertEquals(Reproduction.Settings.FULL_EPOCHS, moved.epochs());
        assertEquals(43L, moved.model().seed());
    }

    @Test
    void selectionPrefersBalancedAccuracyThenLowerLogLoss() {
        List<ImbalanceSelection.Candidate> c = List.of(
                new ImbalanceSelection.Candidate("none", "a", null, 0.90, 0.99, 0.20, 1),
                new ImbalanceSelection.Candidate("oversample", "b", null, 0.93, 0.98, 0.40, 1),
                new ImbalanceSelection.Candidate("class-weights", "c", null, 0.93, 0.97, 0.30, 1));
        assertEquals("class-weights", ImbalanceSelection.choose(c));
        // A full tie (as when a profile caps every class to the same count) goes to the simpler strategy.
        List<ImbalanceSelection.Candidate> tie = List.of(
                new ImbalanceSelection.Candidate("none", "a", null, 0.59, 0.66, 0.66, 1),
                new ImbalanceSelection.Candidate("class-weights", "b", null, 0.59, 0.66, 0.66, 1));
        assertEquals("none", ImbalanceSelection.choose(tie));
    }

    private PreparedData prepare(Path data) {
        return PreparedData.prepare(data, dir.resolve("cache"), AuditConfig.DEFAULT, SplitConfig.DEFAULT,
                Preprocessing.standard(32), ProgressListener.NONE);
    }

    private static List<Path> textFiles(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".json")).toList();
        }
    }

    private static List<Path> folders(Path runs) throws Exception {
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("config.json"))).sorted().toList();
        }
    }
}
