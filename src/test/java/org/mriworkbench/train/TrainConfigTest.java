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
