package org.mriworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.data.Task;
import org.mriworkbench.model.CnnPresets;

class TrainConfigTest {

    @TempDir
    Path tmp;

    static TrainConfig full() {
        return TrainConfig.builder().setTask(Task.FOUR_CLASS).setPreset("classic").setInputSize(64).setSeed(9)
                .setEpochs(20).optBatchSize(16).optOptimiser(Optimiser.SGD_MOMENTUM, 0.05, 0.85)
                .optWeightDecay(1e-4).optLrSchedule(new LrSchedule.Plateau(0.2, 2, 1e-3, 1e-5))
                .optEarlyStopping(new EarlyStopping(4, 1e-3, true)).optImbalance("focused-augmentation")
                .optAugmentation(true, 0.7).optThreads(1).optRunName("sgd plateau").build();
    }

    @Test
    void jsonRoundTripsEveryField() throws Exception {
        TrainConfig c = full();
        assertEquals(c, TrainConfig.fromJson(c.toJson()));
        c.write(tmp.resolve("config.json"));
        assertEquals(c, TrainConfig.read(tmp.resolve("config.json")));
        assertTrue(c.toJson().contains("\"optimiser\" : \"sgd-momentum\""), c.toJson());
        assertTrue(c.toJson().contains("\"type\" : \"plateau\""));
    }

    @Test
    void presetIsResolvedWithTaskAndSeedAndReResolvedOnReseed() {
        TrainConfig c = full();
        assertEquals(CnnPresets.classic(64, 4, 9), c.model());
        assertEquals(64, c.inputSize());
        TrainConfig reseeded = c.toBuilder().setSeed(10).build();
        assertEquals(10, reseeded.model().seed());
        assertNotEquals(c, reseeded);
    }

    @Test
    void invalidConfigsFailWithAReason() {
        assertThrows(IllegalStateException.class, () -> TrainConfig.builder().setTask(Task.BINARY).setEpochs(1)
                .setPreset("classic").setInputSize(32).build(), "seed is required");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> full().toBuilder().optImbalance("smote").build());
        assertTrue(e.getMessage().contains("oversample"));
        assertThrows(IllegalArgumentException.class,
                () -> full().toBuilder().optAugmentation(false, 1).build(), "focused-augmentation needs augmentation");
        assertThrows(IllegalArgumentException.class, () -> full().toBuilder().optLearningRate(0).build());
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.builder().setTask(Task.BINARY)
                .setModel(CnnPresets.seedBaseline(32, 4, 1)).setSeed(1).setEpochs(1).build(), "4 outputs, 2 classes");
    }

    @Test
    void recipeFieldsRoundTripUnderTheirJsonNames() {
        TrainConfig c = full().toBuilder().optEarlyStopping(EarlyStopping.disabled()).optAugmentWarp("Affine")
                .optAugmentFadeFraction(0.25).optWarmupEpochs(1.5).optLabelSmoothing(0.1).optTestTimeFlip(true)
                .optAverageLastEpochs(3).optLearningRate(0.5).build();
        assertEquals(TrainConfig.WARP_AFFINE, c.augmentWarp());
        assertTrue(c.affineWarp());
        assertEquals(c, TrainConfig.fromJson(c.toJson()));
        String json = c.toJson();
        for (String field : new String[] {"\"augmentWarp\" : \"affine\"", "\"augmentFadeFraction\" : 0.25",
                "\"warmupEpochs\" : 1.5", "\"labelSmoothing\" : 0.1", "\"testTimeFlip\" : true",
                "\"averageLastEpochs\" : 3", "\"learningRate\" : 0.5"}) {
            assertTrue(json.contains(field), field + " in " + json);
        }
        assertEquals(c, c.toBuilder().build());
    }

    /** A config.json written before the recipe fields existed (copied from a run of that version). */
    private static final String OLD_CONFIG = """
            {"runName":"tiny","task":"BINARY","preset":"custom","model":%s,"epochs":3,"batchSize":16,
             "optimiser":"adam","learningRate":0.003,"momentum":0.9,"weightDecay":0.0,
             "lrSchedule":{"type":"cosine","minFraction":0.0},
             "earlyStopping":{"patience":0,"minDelta":0.0,"restoreBest":false},"seed":5,
             "imbalance":"class-weights","augment":true,"augmentStrength":1.0,"threads":1}
            """;

    @Test
    void oldConfigWithoutRecipeFieldsLoadsWithTheOldBehaviour() throws Exception {
        TrainConfig built = SyntheticData.config(5).build();
        String modelJson = Json.mapper().writeValueAsString(built.model());
        Path f = tmp.resolve("config.json");
        Files.writeString(f, OLD_CONFIG.formatted(modelJson));
        TrainConfig old = TrainConfig.read(f);
        assertEquals(TrainConfig.WARP_SEPARATE, old.augmentWarp());
        assertEquals(0.0, old.augmentFadeFraction());
        assertEquals(0.0, old.warmupEpochs());
        assertEquals(0.0, old.labelSmoothing());
        assertEquals(false, old.testTimeFlip());
        assertEquals(0, old.averageLastEpochs());
        assertEquals(0, old.progressiveResizeEpochs());
        assertEquals(built, old, "an old file means exactly today's defaults");
        // Defaults are left out when writing, so a default config's JSON (and its hash in checkpoints) is unchanged.
        for (String name : new String[] {"augmentWarp", "augmentFadeFraction", "warmupEpochs", "labelSmoothing",
                "testTimeFlip", "averageLastEpochs", "progressiveResizeEpochs"}) {
            assertTrue(!built.toJson().contains(name), name + " should be omitted at its default");
        }
        assertEquals(Json.mapper().readTree(OLD_CONFIG.formatted(modelJson)), Json.mapper().readTree(built.toJson()));
    }

    @Test
    void invalidRecipeValuesFailWithAReason() {
        TrainConfig.Builder b = full().toBuilder().optEarlyStopping(EarlyStopping.disabled());
        assertThrows(IllegalArgumentException.class, () -> b.optAugmentWarp("bicubic").build());
        b.optAugmentWarp(null);
        assertEquals(TrainConfig.WARP_SEPARATE, b.build().augmentWarp());
        assertThrows(IllegalArgumentException.class, () -> b.optAugmentFadeFraction(1.5).build());
        b.optAugmentFadeFraction(0);
        assertThrows(IllegalArgumentException.class, () -> b.optWarmupEpochs(21).build());
        b.optWarmupEpochs(0);
        assertThrows(IllegalArgumentException.class, () -> b.optLabelSmoothing(1).build());
        b.optLabelSmoothing(0);
        assertThrows(IllegalArgumentException.class, () -> b.optAverageLastEpochs(21).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.optAverageLastEpochs(2).optEarlyStopping(EarlyStopping.of(3)).build());
        assertTrue(e.getMessage().contains("early stopping"), e.getMessage());
        b.optAverageLastEpochs(0).optEarlyStopping(EarlyStopping.disabled());
        IllegalArgumentException flat = assertThrows(IllegalArgumentException.class,
                () -> b.optProgressiveResizeEpochs(2).build());
        assertTrue(flat.getMessage().contains("global-pooling"), flat.getMessage());
    }

    @Test
    void unreadableConfigNamesTheFile() throws Exception {
        Path f = tmp.resolve("config.json");
        Files.writeString(f, "{ not json");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> TrainConfig.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        java.io.IOException missing = assertThrows(java.io.IOException.class,
                () -> TrainConfig.read(tmp.resolve("nope.json")));
        assertTrue(missing.getMessage().contains("nope.json"), missing.getMessage());
    }
}
