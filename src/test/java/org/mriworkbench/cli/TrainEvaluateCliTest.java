package org.mriworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.phantom.PhantomConfig;
import org.mriworkbench.phantom.PhantomGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line end to end on tiny phantoms: train, evaluate on both test sets, compare, resume a finished run. */
class TrainEvaluateCliTest {

    @TempDir
    static Path dir;
    static Path data;
    static Path runs;
    static Path runA;
    static Path runB;

    @BeforeAll
    static void trainTwoRuns() throws Exception {
        data = dir.resolve("set");
        new PhantomGenerator(PhantomConfig.builder().optSeed(21).optImageSize(64).optTrainingPerClass(12)
                .optTestingPerClass(4).build()).writeDataset(data);
        runs = dir.resolve("runs");
        String[] common = {"--data", data.toString(), "--cache", dir.resolve("cache").toString(), "--size", "32",
                "--preset", "seed-baseline", "--epochs", "2", "--batch", "16", "--threads", "1", "--runs",
                runs.toString()};
        run(0, concat(new String[] {"train", "--name", "a", "--seed", "1"}, common));
        run(0, concat(new String[] {"train", "--name", "b", "--seed", "2", "--imbalance", "class-weights"}, common));
        try (Stream<Path> s = Files.list(runs)) {
            List<Path> all = s.sorted().toList();
            runA = all.stream().filter(p -> p.getFileName().toString().endsWith("-a")).findFirst().orElseThrow();
            runB = all.stream().filter(p -> p.getFileName().toString().endsWith("-b")).findFirst().orElseThrow();
        }
    }

    @Test
    void runFolderHoldsEverythingARunPromises() {
        for (String f : new String[] {"config.json", "manifest.json", "data.json", "history.csv", "model.zip",
                "predictions.csv", "validation-predictions.csv", "checkpoint.json"}) {
            assertTrue(Files.isRegularFile(runA.resolve(f)), f);
        }
    }

    @Test
    void evaluateWritesMetricsWithIntervalsAndCharts() throws Exception {
        String out = run(0, "evaluate", runA.toString(), "--resamples", "100", "--cache", dir.resolve("cache").toString());
        assertTrue(out.contains("accuracy") && out.contains("operating point"), out);
        JsonNode m = new ObjectMapper().readTree(runA.resolve("metrics.json").toFile());
        JsonNode acc = m.get("headline").get("accuracy");
        assertTrue(acc.get("lower").asDouble() <= acc.get("estimate").asDouble());
        assertTrue(acc.get("estimate").asDouble() <= acc.get("upper").asDouble());
        assertEquals(100, m.get("bootstrapResamples").asInt());
        assertEquals("clusters", m.get("resampling").asText(), "a new run keeps its test clusters");
        assertTrue(out.contains("per-image accuracy interval"), out);
        run(0, "evaluate", runA.toString(), "--resamples", "100", "--per-image");
        assertEquals("images", new ObjectMapper().readTree(runA.resolve("metrics.json").toFile())
                .get("resampling").asText());
        for (String f : new String[] {"confusion-matrix.png", "roc.png", "pr.png", "reliability.png",
                "threshold-sweep.png", "training-loss.png"}) {
            assertTrue(Files.size(runA.resolve(f)) > 1000, f);
        }
    }

    @Test
    void officialTestSetIsEvaluatedFromTheModel() throws Exception {
        run(0, "evaluate", runA.toString(), "--test", "official", "--resamples", "50", "--cache",
                dir.resolve("cache").toString());
        JsonNode m = new ObjectMapper().readTree(runA.resolve("metrics-official.json").toFile());
        assertEquals(16, m.get("n").asInt(), "all official Testing images");
    }

    @Test
    void compareRunsOnTheSameTestImages() {
        String out = run(0, "compare", runA.toString(), runB.toString(), "--resamples", "100");
        assertTrue(out.contains("McNemar") && out.contains("DeLong"), out);
    }

    @Test
    void resumingAFinishedRunChangesNothing() throws Exception {
        String before = Files.readString(runA.resolve("history.csv"));
        run(0, "resume", runA.toString(), "--cache", dir.resolve("cache").toString());
        assertEquals(before, Files.readString(runA.resolve("history.csv")));
    }

    @Test
    void missingRunFolderIsAClearError() {
        run(2, "evaluate", dir.resolve("no-such-run").toString());
    }

    private static String run(int expected, String... args) {
        return CliRunner.run(expected, args);
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
