package org.mriworkbench.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.data.AuditConfig;
import org.mriworkbench.data.PhantomConfig;
import org.mriworkbench.data.PhantomGenerator;
import org.mriworkbench.data.SplitConfig;
import org.mriworkbench.preprocess.Preprocessing;
import org.mriworkbench.train.EpochStats;
import org.mriworkbench.train.TrainingListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code reproduce} end to end on a small phantom set with tiny sizes: stopped in the middle it resumes, the re-run
 * repeats the numbers bit for bit, a second invocation reuses every run, and the table says what was measured.
 */
class ReproductionTest {

    @TempDir
    Path dir;

    @Test
    void stopsResumesRepeatsAndWritesTheTable() throws Exception {
        Path data = dir.resolve("phantoms");
        new PhantomGenerator(PhantomConfig.builder().optSeed(11).optImageSize(64).optTrainingPerClass(30)
                .optTestingPerClass(10).build()).writeDataset(data);
        Path runs = dir.resolve("runs");
        Reproduction.Settings settings = new Reproduction.Settings(32, 2, 32, 2, 5, 1, 200, true);

        // Stop the very first run after its first epoch: the reproduction must say how to continue, not lose it.
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
        // The stopped run was resumed, not started again: one folder per selection strategy, four reference runs
        // and the re-run.
        assertEquals(5 + 4 + 1, after.size(), after.toString());
        assertEquals(5, r.selection().candidates().size());
        double best = r.selection().candidates().stream().mapToDouble(ImbalanceSelection.Candidate::balancedAccuracy)
                .max().orElseThrow();
        assertEquals(best, r.selection().candidates().stream()
                .filter(c -> c.strategy().equals(r.selection().best())).findFirst().orElseThrow().balancedAccuracy());
        assertEquals(r.selection().best(), r.entries().get(1).manifest() == null ? null
                : org.mriworkbench.train.TrainConfig.read(r.entries().get(1).runDir().resolve("config.json"))
                .imbalance());

        assertNotNull(r.reproducibility());
        assertTrue(r.reproducibility().identical(), () -> "re-run differs: " + r.reproducibility());

        Reproduction.Entry official = r.entries().get(3);
        assertNotNull(official.official());
        assertEquals(official.official().n(), official.leakage().leakedImages() + official.leakage().cleanImages());
        assertEquals(official.leakageFree().n(), official.leakage().cleanImages());
        // Leakage-free intervals resample duplicate clusters, kept in every run folder; the per-image one is beside.
        for (Reproduction.Entry e : r.entries()) {
            assertTrue(Files.isRegularFile(e.runDir().resolve(TestClusters.FILE)), e.runDir().toString());
            assertEquals(RunEvaluation.CLUSTERS, e.leakageFree().resampling());
            assertNotNull(e.leakageFree().accuracyPerImage());
        }
        assertEquals(RunEvaluation.IMAGES, official.official().resampling());
        assertEquals(2, r.shift().size());
        assertTrue(r.shift().get(0).folder().contains("phantoms"));

        Path out = dir.resolve("out");
        Path file = ResultsTable.write(r, out);
        String md = Files.readString(file);
        for (Reproduction.Entry e : r.entries()) {
            assertTrue(md.contains(e.experiment().name()));
            assertTrue(Files.isRegularFile(out.resolve(ResultsTable.cardFile(e))));
        }
        double fourClassAccuracy = r.entries().get(2).leakageFree().headline().get("accuracy").estimate();
        String bar = md.lines().filter(l -> l.contains("four-class accuracy ≥ 0.95")).findFirst().orElseThrow();
        assertTrue(bar.endsWith(fourClassAccuracy >= 0.95 ? "yes |" : "**no** |") || bar.contains("goal"), bar);
        assertTrue(md.contains("bit-identical"));
        assertTrue(md.contains(r.dataFingerprint()));

        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# Title\n\n" + ResultsTable.BEGIN + "\nold table\n" + ResultsTable.END + "\n\nafter\n");
        assertTrue(ResultsTable.updateReadme(r, readme, file));
        String updated = Files.readString(readme);
        assertTrue(updated.startsWith("# Title\n\n" + ResultsTable.BEGIN) && updated.endsWith(ResultsTable.END
                + "\n\nafter\n"), updated);
        assertFalse(updated.contains("old table"));
        assertTrue(updated.contains("](out/RESULTS.md)") && updated.contains("four-class accuracy"), updated);
        assertTrue(updated.contains("(out/ref3-classic-four-class-MODEL_CARD.md)"), updated);
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
        assertFalse(ExperimentRunner.of(prepare(data), runs).withLimits(10, 0).sameDataAs(ref1));

        // A second invocation trains nothing and gives the same table.
        Reproduction.Result again = Reproduction.of(data, dir.resolve("cache"), runs).withSettings(settings).run();
        assertEquals(after, folders(runs));
        assertEquals(ResultsTable.render(r).lines().filter(l -> l.startsWith("| accuracy")).toList(),
                ResultsTable.render(again).lines().filter(l -> l.startsWith("| accuracy")).toList());
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

    private static List<Path> folders(Path runs) throws Exception {
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("config.json"))).sorted().toList();
        }
    }
}
