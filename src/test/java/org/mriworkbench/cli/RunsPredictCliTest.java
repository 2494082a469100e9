package org.mriworkbench.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.data.PhantomConfig;
import org.mriworkbench.data.PhantomGenerator;
import org.mriworkbench.data.Task;
import org.mriworkbench.experiment.RunRegistry;
import org.mriworkbench.train.LrSchedule;
import org.mriworkbench.train.TrainConfig;
import tech.tablesaw.api.Table;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code runs} (and the commands that read a run back) on two tiny one-epoch runs and one corrupt run folder. */
class RunsPredictCliTest {

    @TempDir
    static Path dir;
    static Path data;
    static Path runs;
    static Path runA;
    static Path runB;
    static TrainConfig configB;
    static String[] dataArgs;

    @BeforeAll
    static void trainTwoRunsAndBreakOne() throws Exception {
        data = dir.resolve("set");
        new PhantomGenerator(PhantomConfig.builder().optSeed(31).optImageSize(64).optTrainingPerClass(8)
                .optTestingPerClass(3).build()).writeDataset(data);
        runs = dir.resolve("runs");
        dataArgs = new String[] {"--data", data.toString(), "--cache", dir.resolve("cache").toString()};
        String[] common = concat(dataArgs, new String[] {"--size", "32", "--preset", "seed-baseline", "--epochs", "1",
                "--batch", "16", "--threads", "1", "--runs", runs.toString()});
        run(0, concat(new String[] {"train", "--name", "a", "--seed", "1"}, common));
        // Run b comes from a config file; its conflicting flags (seed, epochs, name) must be ignored.
        configB = TrainConfig.builder().setTask(Task.BINARY).setPreset("seed-baseline").setInputSize(32).setSeed(2)
                .setEpochs(1).optBatchSize(16).optImbalance("class-weights").optThreads(1).optRunName("b")
                .optLrSchedule(new LrSchedule.Step(1, 0.5)).build();
        Path file = dir.resolve("b.json");
        configB.write(file);
        run(0, concat(new String[] {"train", "--config", file.toString(), "--name", "ignored", "--seed", "99",
                "--epochs", "3", "--size", "48"}, concat(dataArgs, new String[] {"--runs", runs.toString()})));
        runA = runNamed("a");
        runB = runNamed("b");
        Path broken = Files.createDirectories(runs.resolve("29990101-000000-broken"));
        Files.writeString(broken.resolve("config.json"), "{ not json");
        Files.writeString(broken.resolve("manifest.json"), "{}");
        Files.createDirectories(runs.resolve("not-a-run")); // no config or manifest: ignored silently
    }

    static Path runNamed(String name) throws Exception {
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> p.getFileName().toString().endsWith("-" + name)).findFirst().orElseThrow();
        }
    }

    @Test
    void registryHasOneRowPerReadableRunAndNotesTheBrokenOne() throws Exception {
        RunRegistry.Listing l = RunRegistry.scan(runs);
        Table t = l.table();
        assertEquals(List.of("a", "b"), t.stringColumn("name").asList());
        assertEquals(List.of("none", "class-weights"), t.stringColumn("imbalance").asList());
        assertEquals(1, l.skipped().size(), l.skipped().toString());
        assertTrue(l.skipped().get(0).startsWith("29990101-000000-broken"), l.skipped().get(0));
        for (int i = 0; i < 2; i++) {
            assertEquals("finished", t.stringColumn("status").get(i));
            assertEquals(1, t.intColumn("epochs done").get(i));
            assertEquals(32, t.intColumn("input").get(i));
            double acc = t.doubleColumn("test accuracy").get(i);
            assertTrue(acc >= 0 && acc <= 1, "accuracy " + acc);
            assertFalse(Double.isNaN(t.doubleColumn("best val loss").get(i)));
            assertTrue(t.doubleColumn("wall s").get(i) > 0);
        }
    }

    @Test
    void trainWithConfigTrainsExactlyThatConfig() throws Exception {
        assertEquals(configB, TrainConfig.read(runB.resolve("config.json")));
        assertEquals(configB.toJson(), TrainConfig.read(runB.resolve("config.json")).toJson());
    }

    @Test
    void runsCommandPrintsTheTableAndWritesCsv() throws Exception {
        Path csv = dir.resolve("out/runs.csv");
        String out = run(0, "runs", "--runs", runs.toString(), "--csv", csv.toString());
        assertTrue(out.contains(runA.getFileName().toString()) && out.contains("balanced accuracy"), out);
        Table back = Table.read().csv(csv.toFile());
        assertEquals(2, back.rowCount());
    }

    @Test
    void runsOnAMissingFolderSaysSo() {
        String out = run(0, "runs", "--runs", dir.resolve("nowhere").toString());
        assertTrue(out.contains("no runs"), out);
    }

    static String run(int expected, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expected, Main.run(args), () -> buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
