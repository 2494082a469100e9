package org.mriworkbench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.eval.BootstrapInterval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.runeval.RunEvaluation;
import org.mriworkbench.runeval.RunEvaluator;
import org.mriworkbench.experiment.RunFolder;
import org.mriworkbench.experiment.TestClusters;

/**
 * Evaluating a run resamples its test set's duplicate clusters when the run kept them, per image otherwise or when
 * asked, and records which it did with the per-image accuracy interval beside a clustered one.
 */
class EvaluationReportClustersTest {

    @TempDir
    Path dir;

    @Test
    void clusteredByDefaultWhenTheRunKeptItsClustersPerImageOnRequest() throws Exception {
        // 30 clusters of 6 near copies, each cluster all right or all wrong: clustering must widen the interval.
        SplittableRandom rng = new SplittableRandom(8);
        List<String> ids = new ArrayList<>();
        int n = 180;
        int[] y = new int[n];
        double[][] p = new double[n][];
        Map<String, Integer> clusterOf = new LinkedHashMap<>();
        for (int c = 0; c < 30; c++) {
            int label = rng.nextInt(2);
            boolean right = rng.nextDouble() < 0.8;
            for (int j = 0; j < 6; j++) {
                int i = c * 6 + j;
                String id = "Testing/glioma/img,\"" + i + "\".jpg"; // quoting survives
                ids.add(id);
                y[i] = label;
                double q = right == (label == 1) ? 0.8 : 0.2;
                p[i] = new double[] {1 - q, q};
                clusterOf.put(id, 100 + c);
            }
        }
        Path run = Files.createDirectories(dir.resolve("run"));
        Predictions.of(List.of("no_tumour", "tumour"), ids, y, p).write(new RunFolder(run).predictions());
        Predictions.of(List.of("no_tumour", "tumour"), ids, y, p)
                .write(new RunFolder(run).validationPredictions());

        RunEvaluator ev = RunEvaluator.create(400, 3);
        RunEvaluation plain = EvaluationReport.of(ev).evaluateRun(run, dir.resolve("out0"));
        assertEquals(RunEvaluation.IMAGES, plain.resampling());
        assertNull(plain.accuracyPerImage());

        TestClusters.write(run, ids, clusterOf);
        assertEquals(clusterOf, TestClusters.read(run));
        RunEvaluation clustered = EvaluationReport.of(ev).evaluateRun(run, dir.resolve("out1"));
        assertEquals(RunEvaluation.CLUSTERS, clustered.resampling());
        BootstrapInterval c = clustered.headline().get("accuracy");
        BootstrapInterval i = clustered.accuracyPerImage();
        assertEquals(plain.headline().get("accuracy"), i);
        assertTrue(c.upper() - c.lower() > 1.8 * (i.upper() - i.lower()), c + " vs " + i);
        RunEvaluation back = RunEvaluation.read(dir.resolve("out1").resolve(RunFolder.metricsFile("")));
        assertEquals(RunEvaluation.CLUSTERS, back.resampling());
        assertEquals(i, back.accuracyPerImage());
        assertEquals(clustered.headline(), back.headline());

        RunEvaluation asked = EvaluationReport.of(ev.perImage()).evaluateRun(run, dir.resolve("out2"));
        assertEquals(RunEvaluation.IMAGES, asked.resampling());
        assertEquals(plain.headline(), asked.headline());

        // A map given by the caller serves runs that kept no clusters.
        Files.delete(new RunFolder(run).testClusters());
        RunEvaluation given = EvaluationReport.of(ev.withClusters(clusterOf)).evaluateRun(run, dir.resolve("out3"));
        assertEquals(clustered.headline(), given.headline());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestClusters.write(run, List.of("unknown.jpg"), clusterOf));
        assertTrue(e.getMessage().contains("unknown.jpg"), e.getMessage());
    }
}
