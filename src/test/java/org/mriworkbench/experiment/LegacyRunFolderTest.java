package org.mriworkbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.data.AuditConfig;
import org.mriworkbench.phantom.PhantomConfig;
import org.mriworkbench.phantom.PhantomGenerator;
import org.mriworkbench.data.SplitConfig;
import org.mriworkbench.data.Task;
import org.mriworkbench.preprocess.Preprocessing;
import org.mriworkbench.train.EpochStats;
import org.mriworkbench.train.Json;
import org.mriworkbench.train.TrainConfig;
import org.mriworkbench.predict.ImagePredictor;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.runeval.RunEvaluation;
import org.mriworkbench.runeval.RunEvaluator;
import org.mriworkbench.report.EvaluationReport;

/**
 * A run folder written by an earlier version of the workbench (commit a96bc7d, before issue #14 split the
 * experiment package) must still load: its config, manifest, history, predictions, test clusters, typed
 * {@code data.json} and model. The folder in {@code src/test/resources/legacy-run/} is a real one-epoch
 * {@code seed-baseline} run at 32 px on phantoms (generator seed 7, 64 px, 12 training and 4 testing images per
 * class; runner limits 10 train and 6 eval per class), copied without its checkpoint files and without images. If a
 * change to the run format makes any of these fail, old runs on users' disks would stop loading too.
 */
class LegacyRunFolderTest {

    private static final String RUN = "20261201-201653-legacy";
    private static final List<String> FILES = List.of("config.json", "data.json", "history.csv", "manifest.json",
            "model.zip", "predictions.csv", "test-clusters.csv", "validation-predictions.csv");

    @TempDir
    Path tmp;

    private Path runs;
    private Path run;

    @BeforeEach
    void copyRun() throws IOException {
        runs = tmp.resolve("runs");
        run = runs.resolve(RUN);
        Files.createDirectories(run);
        for (String f : FILES) {
            try (InputStream in = LegacyRunFolderTest.class.getResourceAsStream("/legacy-run/" + RUN + "/" + f)) {
                assertNotNull(in, f);
                Files.copy(in, run.resolve(f));
            }
        }
    }

    @Test
    void recordConfigAndHistoryLoad() throws Exception {
        RunRecord r = RunRecord.read(run);
        TrainConfig c = r.config();
        assertEquals("legacy", c.runName());
        assertEquals(Task.BINARY, c.task());
        assertEquals("seed-baseline", c.preset());
        assertEquals(32, c.model().inputHeight());
        assertEquals(5, c.seed());
        assertEquals(1, c.epochs());
        assertEquals(16, c.batchSize());
        assertFalse(c.testTimeFlip());
        assertEquals("legacy", r.manifest().runName());
        assertNotNull(r.manifest().endTime());
        assertEquals(1, r.history().size());
        EpochStats e = r.history().get(0);
        assertEquals(0, e.epoch());
        assertEquals(0.7073808431625366, e.trainLoss(), 1e-12);
        assertEquals(0.8577262438934101, e.valLoss(), 1e-12);
        assertEquals(e, r.bestEpoch().orElseThrow());

        // The same run is found by listing the runs folder and by the registry.
        assertEquals(List.of(RUN), RunRecord.list(runs).stream().map(x -> x.folder().name()).toList());
        assertEquals(List.of(RUN), RunRegistry.scan(runs).table().stringColumn("folder").asList());
    }

    @Test
    void predictionsAndClustersLoadAndEvaluate() throws Exception {
        Predictions test = RunRecord.read(run).predictions().orElseThrow();
        assertEquals(List.of("NO_TUMOR", "TUMOR"), test.classNames());
        assertEquals(lines("predictions.csv") - 1, test.ids().size());
        assertEquals(test.ids().size(), TestClusters.read(run).size());
        RunEvaluation e = EvaluationReport.of(RunEvaluator.create(200, 1)).evaluateRun(run, tmp.resolve("eval"));
        assertEquals(RunEvaluation.CLUSTERS, e.resampling());
        assertNotNull(e.operatingPoint(), "validation predictions were read for the threshold");
        assertEquals(test.ids().size(), e.n());
    }

    @Test
    void dataJsonLoadsTyped() throws Exception {
        RunData d = RunData.read(run);
        assertEquals(Path.of("/tmp/legacy-make/phantoms"), d.dataRoot());
        assertEquals("e0470c0152c8efe290a24dfc1ad9fbef3c769abdec5e73bd7aedf400e3a8e680", d.datasetFingerprint());
        assertEquals(64, d.images());
        assertEquals(0, d.skippedFiles());
        assertEquals(AuditConfig.DEFAULT, d.audit());
        assertEquals(SplitConfig.DEFAULT, d.split());
        assertEquals("42d3c2789b3193db3a29d8a736efaa9da4a5df0bf909cfe1d8f49901015954ee", d.splitFingerprint());
        assertEquals(Map.of("GLIOMA", 3, "MENINGIOMA", 3, "PITUITARY", 3, "NO_TUMOR", 3), d.counts().get("TEST"));
        assertEquals(Preprocessing.standard(32).toJson(), d.preprocessingPipeline().toJson());
        assertEquals(Preprocessing.standard(32).describe(), d.preprocessing());
        assertEquals(new RunData.Limits(10, 6, -1, 1.0), d.limits());
    }

    @Test
    void modelPredictsARegeneratedPhantomAsItDidThen() throws Exception {
        Path data = tmp.resolve("phantoms");
        new PhantomGenerator(PhantomConfig.builder().optSeed(7).optImageSize(64).optTrainingPerClass(12)
                .optTestingPerClass(4).build()).writeDataset(data);
        Predictions recorded = RunRecord.read(run).predictions().orElseThrow();
        ImagePredictor predictor = ImagePredictor.forRun(run);
        assertEquals(Task.BINARY, predictor.task());
        for (int i : new int[] {0, 3}) {
            String id = recorded.ids().get(i);
            ImagePredictor.Result r = predictor.predict(List.of(data.resolve(id)));
            assertTrue(r.skipped().isEmpty(), r.skipped().toString());
            double[] p = r.predictions().get(0).probabilities();
            double[] then = recorded.probabilities()[i];
            for (int c = 0; c < p.length; c++) {
                assertEquals(then[c], p[c], 1e-4, id + " class " + c);
            }
        }
    }

    @Test
    void theTypedRecordWritesTheLegacyDataJsonBack() throws Exception {
        RunData d = RunData.read(run);
        assertEquals("BINARY", d.task());
        assertEquals(Preprocessing.standard(32).fingerprint(), d.preprocessingFingerprint());
        Path copy = Files.createDirectories(tmp.resolve("copy"));
        d.write(copy);
        // Same fields, same values, same nesting as the file the earlier version wrote from an untyped map.
        assertEquals(Json.mapper().readTree(run.resolve("data.json").toFile()),
                Json.mapper().readTree(copy.resolve("data.json").toFile()));
    }

    @Test
    void theModelFileInsideTheRunPredictsLikeTheRun() throws Exception {
        ImagePredictor byRun = ImagePredictor.forRun(run);
        ImagePredictor byModel = ImagePredictor.forRunOrModel(run.resolve("model.zip"));
        assertEquals(byRun.preprocessing().toJson(), byModel.preprocessing().toJson());
        assertEquals(byRun.task(), byModel.task());
        assertEquals(Preprocessing.standard(32).toJson(), RunData.readPreprocessing(run).toJson());
    }

    private long lines(String file) throws IOException {
        try (var s = Files.lines(run.resolve(file))) {
            return s.filter(l -> !l.isBlank()).count();
        }
    }
}
