package org.mriworkbench.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.phantom.PhantomConfig;
import org.mriworkbench.phantom.PhantomGenerator;
import org.mriworkbench.data.Task;
import org.mriworkbench.predict.ImagePredictor;
import org.mriworkbench.eval.Predictions;
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

    @Test
    void predictClassifiesAFolderAndSkipsTheCorruptFile() throws Exception {
        Path images = Files.createDirectories(dir.resolve("to-predict"));
        List<Path> sources;
        try (Stream<Path> s = Files.walk(data.resolve("Testing"))) {
            sources = s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(3).toList();
        }
        for (Path src : sources) {
            Files.copy(src, images.resolve(src.getParent().getFileName() + "-" + src.getFileName()));
        }
        Files.write(images.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        Files.writeString(images.resolve("notes.txt"), "not an image, not tried");
        Path csv = dir.resolve("pred.csv");
        String[] err = new String[1];
        String out = runCapturingErr(0, err, "predict", runA.toString(), images.toString(), "--csv", csv.toString());
        assertTrue(out.contains("3 classified, 1 skipped"), out);
        assertTrue(err[0].contains("broken.jpg"), err[0]);
        assertFalse(out.contains("notes.txt"), out);
        assertTrue(out.contains("P(tumour)="), out);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("path,predicted,p_NO_TUMOR,p_TUMOR,p_tumour", lines.get(0));
        assertEquals(4, lines.size());
        for (String line : lines.subList(1, 4)) {
            String[] f = line.split(",");
            double p0 = Double.parseDouble(f[2]);
            double p1 = Double.parseDouble(f[3]);
            assertEquals(1.0, p0 + p1, 1e-5, line);
            assertEquals(p1, Double.parseDouble(f[4]), 1e-6, line);
            assertEquals(p1 > p0 ? "TUMOR" : "NO_TUMOR", f[1], line);
        }
    }

    @Test
    void predictAgreesWithTheRunsOwnTestPredictions() throws Exception {
        Predictions recorded = Predictions.read(runA.resolve("predictions.csv"));
        Path image = Path.of(recorded.ids().get(0));
        if (!image.isAbsolute()) {
            image = data.resolve(image);
        }
        ImagePredictor.Result r = ImagePredictor.forRun(runA).predict(List.of(image));
        assertEquals(1, r.predictions().size(), r.skipped().toString());
        double[] expected = recorded.probabilities()[0];
        double[] got = r.predictions().get(0).probabilities();
        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c], got[c], 1e-5, "class " + c);
        }
        // A bare model file with the same size and task gives the same answer (the run used standard preprocessing).
        String out = run(0, "predict", runA.resolve("model.zip").toString(), image.toString(), "--size", "32",
                "--task", "binary");
        assertTrue(out.contains(String.format(java.util.Locale.ROOT, "p_TUMOR=%.4f", got[1])), out);
    }

    @Test
    void predictErrorsNameTheProblem() throws Exception {
        Path missing = dir.resolve("no-model.zip");
        String[] err = new String[1];
        runCapturingErr(2, err, "predict", missing.toString(), data.toString(), "--size", "32", "--task", "binary");
        assertTrue(err[0].contains(missing.toString()) && err[0].contains("missing model file"), err[0]);
        runCapturingErr(2, err, "predict", runA.resolve("model.zip").toString(), data.toString());
        assertTrue(err[0].contains("--size and --task"), err[0]);
        Path emptyRun = Files.createDirectories(dir.resolve("run-without-model"));
        Files.copy(runA.resolve("config.json"), emptyRun.resolve("config.json"));
        Files.copy(runA.resolve("data.json"), emptyRun.resolve("data.json"));
        runCapturingErr(2, err, "predict", emptyRun.toString(), data.toString());
        assertTrue(err[0].contains(emptyRun.resolve("model.zip").toString()), err[0]);
    }

    static String runCapturingErr(int expected, String[] err, String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return run(expected, args);
        } finally {
            System.setErr(old);
            err[0] = buf.toString(StandardCharsets.UTF_8);
        }
    }

    static String run(int expected, String... args) {
        return CliRunner.run(expected, args);
    }

    static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
