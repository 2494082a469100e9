package org.mriworkbench.reproduce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.data.Task;
import org.mriworkbench.eval.Bootstrap;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.experiment.RunFolder;
import org.mriworkbench.sweep.FabricatedOutcome;
import org.mriworkbench.sweep.Sweep;
import org.mriworkbench.sweep.SweepMetric;
import org.mriworkbench.sweep.SweepResult;
import org.mriworkbench.sweep.SweepSpec;
import org.mriworkbench.sweep.TrialData;
import org.mriworkbench.sweep.TrialExecutor;
import org.mriworkbench.sweep.TrialOutcome;
import org.mriworkbench.train.TrainConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The recipe follows {@link SweepResult#best()}: with a seed factor, the configuration with the best mean over seeds
 * is chosen even when another holds the best single trial, and the chosen trial and factors say so.
 */
class RecipeSelectionTest {

    @TempDir
    Path dir;

    @Test
    void withASeedFactorTheRecipeIsTheBestMeanNotTheBestSingleTrial() throws Exception {
        // Strength 0.5: 0.90 at seed 7, 0.60 at seed 5 (mean 0.75); strength 0.0: 0.80 and 0.82 (mean 0.81).
        Map<String, Double> accuracy = Map.of("0.5/7", 0.90, "0.5/5", 0.60, "0.0/7", 0.80, "0.0/5", 0.82);
        TrialExecutor ex = t -> {
            int n = 200;
            int right = (int) Math.round(accuracy.get(t.config().augmentStrength() + "/" + t.seed()) * n);
            int[] labels = new int[n];
            double[][] probs = new double[n][];
            for (int i = 0; i < n; i++) {
                labels[i] = i % 4;
                int pred = (i + 13 * t.seed() + t.index()) % n < right ? labels[i] : (labels[i] + 1) % 4;
                probs[i] = new double[] {0.1, 0.1, 0.1, 0.1};
                probs[i][pred] = 0.7;
            }
            return FabricatedOutcome.of(dir.resolve("runs"), t, labels, probs, 30);
        };
        TrainConfig base = TrainConfig.builder().setTask(Task.FOUR_CLASS).setPreset("classic").setInputSize(32)
                .setSeed(5).setEpochs(1).optThreads(1).optRunName("base").build();
        SweepSpec spec = SweepSpec.of("pick", base).withFactor("seed", 7, 5).withFactor("augmentStrength", 0.5, 0.0)
                .withMetric(SweepMetric.ACCURACY);
        SweepResult r = Sweep.of(spec, TrialData.of(dir.resolve("data"), dir.resolve("cache"), dir.resolve("runs")),
                dir.resolve("sweep")).withExecutor(ex).run();
        RecipeSelection sel = RecipeSelection.of(r, new Bootstrap(50, 0.95, 1), Map.of());
        // Trials: t01 (7, 0.5), t02 (7, 0.0), t03 (5, 0.5), t04 (5, 0.0). The ranking stays per trial.
        assertEquals("pick-t01", sel.ranking().get(0).trial());
        assertEquals("pick-t02", sel.chosenTrial());
        assertEquals(Map.of("seed", "7", "augmentStrength", "0.0"), sel.chosenFactors());
        assertEquals(0.0, sel.chosen().augmentStrength());
        assertEquals(7, sel.chosen().seed());
    }
}
