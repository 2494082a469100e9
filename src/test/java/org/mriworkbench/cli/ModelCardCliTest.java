package org.mriworkbench.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.phantom.PhantomConfig;
import org.mriworkbench.phantom.PhantomGenerator;
import org.mriworkbench.experiment.Manifest;
import org.mriworkbench.report.ModelCard;
import org.mriworkbench.experiment.RunRecord;
import org.mriworkbench.train.TrainConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.mriworkbench.experiment.RunFolder;

/** {@code model-card} on a tiny one-epoch phantom run: evaluated on both test sets, and copies without metrics. */
class ModelCardCliTest {

    @TempDir
    static Path dir;
    static Path run;
    static String cache;

    @BeforeAll
    static void trainAndEvaluate() throws Exception {
        Path data = dir.resolve("set");
        new PhantomGenerator(PhantomConfig.builder().optSeed(51).optImageSize(64).optTrainingPerClass(8)
                .optTestingPerClass(3).build()).writeDataset(data);
        cache = dir.resolve("cache").toString();
        Path runs = dir.resolve("runs");
        CliRunner.run(0, "train", "--data", data.toString(), "--cache", cache, "--size", "32", "--preset",
                "seed-baseline", "--epochs", "1", "--batch", "16", "--threads", "1", "--seed", "1234", "--name",
                "card", "--runs", runs.toString());
        try (Stream<Path> s = Files.list(runs)) {
            run = s.filter(p -> p.getFileName().toString().endsWith("-card")).findFirst().orElseThrow();
        }
        CliRunner.run(0, "evaluate", run.toString(), "--resamples", "200", "--cache", cache);
        CliRunner.run(0, "evaluate", run.toString(), "--test", "official", "--resamples", "200", "--cache", cache);
    }

    @Test
    void cardHoldsWhatTheRunRecords() throws Exception {
        String out = CliRunner.run(0, "model-card", run.toString());
        Path card = new RunFolder(run).modelCard();
        assertTrue(out.contains(card.toString()), out);
        String md = Files.readString(card);
        RunRecord r = RunRecord.read(run);
        Manifest m = r.manifest();
        TrainConfig c = r.config();
        assertTrue(md.toLowerCase(Locale.ROOT).contains("not for diagnosis"), md);
        assertTrue(md.contains("| seed | 1234 |"), md);
        assertTrue(md.contains(m.datasetFingerprint()) && md.contains(m.splitFingerprint()), md);
        assertTrue(md.contains(String.format(Locale.ROOT, "%,d parameters", c.model().parameterCount())), md);
        assertTrue(md.contains(m.gitCommit()), md);
        // Intervals from both evaluations, the operating point and calibration.
        assertTrue(Pattern.compile("\\| accuracy \\| \\d\\.\\d{4} \\| \\[\\d\\.\\d{4}, \\d\\.\\d{4}\\] \\|")
                .matcher(md).find(), md);
        assertTrue(md.contains("### leakage-free test subset") && md.contains("### official Testing folder"), md);
        assertTrue(md.contains("**Operating point**") && md.contains("**Calibration**"), md);
        assertTrue(md.contains("train --config " + run.resolve("config.json")), md);
        assertTrue(md.contains("deeplearning4j"), md);
        assertTrue(md.contains("explain"), md);
        assertFalse(md.contains("Metrics are missing"), md);
    }

    @Test
    void cardWithoutMetricsSaysSoInsteadOfFailing() throws Exception {
        Path bare = Files.createDirectories(dir.resolve("unevaluated"));
        for (String f : new String[] {"config.json", "manifest.json", "data.json", "history.csv", "predictions.csv"}) {
            Files.copy(run.resolve(f), bare.resolve(f));
        }
        Path out = dir.resolve("cards/unevaluated.md");
        CliRunner.run(0, "model-card", bare.toString(), "--out", out.toString());
        String md = Files.readString(out);
        assertTrue(md.contains("Metrics are missing"), md);
        assertTrue(md.contains("evaluate RUN_DIR"), "a published card names no machine path: " + md);
        assertFalse(Pattern.compile("\\[\\d\\.\\d{4}, \\d\\.\\d{4}\\]").matcher(md).find(), "no interval: " + md);

        // Only the two files a run writes first: still a card, with the gaps named.
        Path minimal = Files.createDirectories(dir.resolve("just-started"));
        Files.copy(run.resolve("config.json"), minimal.resolve("config.json"));
        Files.copy(run.resolve("manifest.json"), minimal.resolve("manifest.json"));
        String md2 = ModelCard.render(minimal);
        assertTrue(md2.contains("data.json is missing") && md2.contains("predictions.csv is missing"), md2);
        assertTrue(md2.contains("Metrics are missing"), md2);
    }

    /**
     * A card published outside its run folder must work from a fresh clone: it names no path of the machine that
     * wrote it, and its {@code train --config} points at a copy of the config published beside it.
     */
    @Test
    void publishedCardIsPortable() throws Exception {
        Path published = dir.resolve("published");
        Path card = ModelCard.write(run, published.resolve("ref-card-MODEL_CARD.md"));
        String md = Files.readString(card);
        Path config = published.resolve("ref-card-config.json");
        assertTrue(Files.isRegularFile(config), "config published beside the card");
        assertTrue(md.contains("train --config " + config.toAbsolutePath()), md);
        assertTrue(md.contains("--data \"$MRI_WORKBENCH_DATA\""), md);
        assertFalse(md.contains(run.toString()), "no run folder path: " + md);
        assertFalse(md.contains(dir.resolve("set").toString()), "no data folder path: " + md);
        assertTrue(md.contains(RunRecord.read(run).manifest().datasetFingerprint()), md);
        assertEquals(RunRecord.read(run).config(), TrainConfig.read(config));
    }

    @Test
    void missingRunFolderIsAClearError() {
        String out = CliRunner.runCapturingErrors(2, "model-card", dir.resolve("nowhere").toString());
        assertTrue(out.contains("no run folder"), out);
    }
}
