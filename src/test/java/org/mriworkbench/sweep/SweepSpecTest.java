package org.mriworkbench.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.data.SplitConfig;
import org.mriworkbench.data.Task;
import org.mriworkbench.model.CnnSpec;
import org.mriworkbench.train.Json;
import org.mriworkbench.train.TrainConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sweep specs: parsing with clear errors, the trial order of grids and random draws, and trials as JSON. */
class SweepSpecTest {

    @TempDir
    Path dir;

    static TrainConfig base() {
        return TrainConfig.builder().setTask(Task.FOUR_CLASS).setPreset("classic").setInputSize(32).setSeed(5)
                .setEpochs(1).optThreads(1).optRunName("base").build();
    }

    private TrialData data() {
        return TrialData.of(dir.resolve("data"), dir.resolve("cache"), dir.resolve("runs"));
    }

    private String baseJson() {
        return base().toJson();
    }

    @Test
    void gridExpandsInOrderWithTheLastFactorFastestAndAppliesEveryValue() throws Exception {
        SweepSpec spec = SweepSpec.parse("{\"name\": \"g\", \"base\": " + baseJson() + ", \"grid\": "
                + "{\"augmentStrength\": [0, 0.5, 1], \"model.head\": [\"flatten\", \"global-average\"]}}",
                dir, "x");
        List<Trial> trials = Trials.of(spec, data());
        assertEquals(6, trials.size());
        assertEquals(Map.of("augmentStrength", "0", "model.head", "flatten"), trials.get(0).factors());
        assertEquals(Map.of("augmentStrength", "0", "model.head", "global-average"), trials.get(1).factors());
        assertEquals(Map.of("augmentStrength", "1", "model.head", "global-average"), trials.get(5).factors());
        assertEquals(1.0, trials.get(5).config().augmentStrength());
        assertEquals(CnnSpec.Head.GLOBAL_AVERAGE, trials.get(5).config().model().head());
        assertEquals(CnnSpec.Head.FLATTEN, trials.get(4).config().model().head());
        assertEquals("g-t06", trials.get(5).name());
        assertEquals(SweepMetric.BALANCED_ACCURACY, spec.metric());
        // Everything not swept is the base's.
        assertEquals(base().toBuilder().optRunName("g-t01").optAugmentation(false, 0).build(),
                trials.get(0).config());
    }

    /** Recipe fields at their defaults are left out of config.json, yet they are what a recipe sweep varies. */
    @Test
    void fieldsAtTheirDefaultCanBeSwept() throws Exception {
        SweepSpec spec = SweepSpec.parse("{\"name\": \"d\", \"base\": " + baseJson() + ", \"grid\": "
                + "{\"labelSmoothing\": [0, 0.1], \"augmentWarp\": [\"separate\", \"affine\"], "
                + "\"testTimeFlip\": [true]}}", dir, "x");
        List<Trial> trials = Trials.of(spec, data());
        assertEquals(4, trials.size());
        assertEquals(0.0, trials.get(0).config().labelSmoothing());
        assertEquals(0.1, trials.get(3).config().labelSmoothing());
        assertEquals("affine", trials.get(3).config().augmentWarp());
        assertTrue(trials.get(0).config().testTimeFlip());
        assertEquals(base().toBuilder().optRunName("d-t01").optTestTimeFlip(true).build(), trials.get(0).config());
    }

    @Test
    void budgetInTrialsCutsTheOrderAndShortcutsSetTheModel() throws Exception {
        SweepSpec spec = SweepSpec.of("b", base()).withFactor(SweepSpec.INPUT_SIZE, 32, 48)
                .withFactor("seed", 1, 2).withBudget(new SweepSpec.Budget(3, 0));
        List<Trial> trials = Trials.of(spec, data());
        assertEquals(3, trials.size());
        assertEquals(48, trials.get(2).config().model().inputHeight());
        assertEquals(48, trials.get(2).config().model().inputWidth());
        assertEquals(1, trials.get(2).seed());
        assertEquals(2, trials.get(1).config().model().seed(), "a seed factor also seeds the initial weights");
    }

    @Test
    void randomDrawIsSeededDistinctAndStaysInRange() {
        SweepSpec spec = SweepSpec.of("r", base()).withFactor("model.dropout", 0.0, 0.25, 0.5)
                .withFactor("learningRate", Json.mapper().createObjectNode().set("logUniform",
                        Json.mapper().createArrayNode().add(1e-4).add(1e-2)))
                .withRandom(5, 7);
        List<Trial> a = Trials.of(spec, data());
        List<Trial> b = Trials.of(spec, data());
        assertEquals(5, a.size());
        assertEquals(a, b);
        assertEquals(5, a.stream().map(Trial::factors).distinct().count());
        for (Trial t : a) {
            assertTrue(t.config().learningRate() >= 1e-4 && t.config().learningRate() <= 1e-2, t.factors()::toString);
        }
        List<Trial> other = Trials.of(spec.withRandom(5, 8), data());
        assertNotEquals(a.stream().map(Trial::factors).toList(), other.stream().map(Trial::factors).toList());
        // A small space is exhausted rather than repeated.
        assertEquals(2, Trials.of(SweepSpec.of("s", base()).withFactor("augment", true, false).withRandom(9, 1),
                data()).size());
    }

    @Test
    void unknownFieldsAndBadValuesGiveClearErrorsNamingTheFile() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"base\": " + baseJson() + ", \"budjet\": {\"trials\": 2}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepSpec.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("budjet"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse("{\"base\": " + baseJson()
                + ", \"grid\": {\"augmentStrenght\": [0, 1]}}", dir, "x"));
        assertTrue(e.getMessage().contains("unknown config field 'augmentStrenght'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse("{\"base\": " + baseJson()
                + ", \"grid\": {\"model.hed\": [\"flatten\"]}}", dir, "x"));
        assertTrue(e.getMessage().contains("model.hed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse("{\"base\": " + baseJson()
                + ", \"random\": {\"trials\": 2, \"sed\": 1}}", dir, "x"));
        assertTrue(e.getMessage().contains("random.sed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse("{\"base\": " + baseJson()
                + ", \"metric\": \"acuracy\"}", dir, "x"));
        assertTrue(e.getMessage().contains("acuracy") && e.getMessage().contains("balancedAccuracy"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse("{\"grid\": {}}", dir, "x"));
        assertTrue(e.getMessage().contains("basePath"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse("{\"base\": " + baseJson()
                + ", \"grid\": {\"learningRate\": {\"uniform\": [0.1, 0.2]}}}", dir, "x"));
        assertTrue(e.getMessage().contains("needs 'random'"), e.getMessage());
        // A value the config rejects fails before anything trains, naming the trial.
        SweepSpec neg = SweepSpec.parse("{\"base\": " + baseJson() + ", \"grid\": {\"learningRate\": [0.01, -1]}}",
                dir, "x");
        e = assertThrows(IllegalArgumentException.class, () -> Trials.of(neg, data()));
        assertTrue(e.getMessage().contains("trial 2") && e.getMessage().contains("learningRate"), e.getMessage());
    }

    @Test
    void basePathIsResolvedBesideTheSpecAndTheSpecRoundTrips() throws Exception {
        base().write(dir.resolve("base.json"));
        Path file = dir.resolve("recipe.json");
        Files.writeString(file, "{\"basePath\": \"base.json\", \"grid\": {\"augmentStrength\": [0, 0.5]}, "
                + "\"budget\": {\"minutes\": 60, \"trials\": 10}, \"random\": {\"trials\": 2, \"seed\": 3}, "
                + "\"metric\": \"logLoss\"}");
        SweepSpec spec = SweepSpec.read(file);
        assertEquals("recipe", spec.name());
        assertEquals(base(), spec.baseConfig());
        assertEquals(new SweepSpec.Budget(10, 60), spec.budget());
        assertEquals(SweepMetric.LOG_LOSS, spec.metric());
        SweepSpec again = SweepSpec.parse(spec.toJson(), null, "other");
        assertEquals(spec, again);
        // Java floats and doubles become the same JSON as the file holds, so a resumed sweep is the same sweep.
        SweepSpec floats = SweepSpec.of("f", base()).withFactor("augmentStrength", 0.5f, 1);
        assertEquals(floats, SweepSpec.parse(floats.toJson(), null, "f"));
    }

    @Test
    void aTrialIsSelfContainedJson() throws Exception {
        TrialData d = data().withSplit(SplitConfig.DEFAULT.withMode(SplitConfig.Mode.OFFICIAL_TEST).withSeed(9))
                .withDenoise(0.8).withLimits(10, 5);
        Trial t = Trials.of(SweepSpec.of("j", base()).withFactor("model.head", "global-max"), d).get(0);
        String json = t.toJson();
        Trial back = Trial.fromJson(json);
        assertEquals(t, back);
        assertEquals(json, back.toJson());
        ObjectNode n = (ObjectNode) Json.mapper().readTree(json);
        assertTrue(n.has("config") && n.has("data") && n.get("data").has("split"), json);
        assertEquals(5, back.seed());
        assertEquals(d.preprocessing(32).toJson(), back.data().preprocessing(32).toJson());
    }
}
