package org.mriworkbench.experiment;

import org.junit.jupiter.api.Test;
import org.mriworkbench.data.Task;
import org.mriworkbench.train.TrainConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileTest {

    @Test
    void aPersonGetsTeachAndCiMustAskForQuick() {
        assertSame(Profile.TEACH, Profile.fromEnvironment(Map.of()));
        assertSame(Profile.QUICK, Profile.fromEnvironment(Map.of(Profile.ENV_VAR, "quick")));
        assertSame(Profile.FULL, Profile.fromEnvironment(Map.of(Profile.ENV_VAR, " FULL ")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Profile.fromEnvironment(Map.of(Profile.ENV_VAR, "fast")));
        assertTrue(e.getMessage().contains("quick, teach or full"), e.getMessage());
    }

    @Test
    void theTeachRecipeCanStopEarlyAndUsesTheAffineAugmentation() {
        TrainConfig c = Profile.TEACH.recipe(Task.FOUR_CLASS, "t").build();
        assertTrue(c.earlyStopping().enabled() && c.earlyStopping().restoreBest());
        assertTrue(c.earlyStopping().patience() < c.epochs(), "patience must leave room to trigger");
        assertTrue(c.augment() && c.affineWarp());
        assertEquals(0.25, c.augmentStrength());
        assertEquals(0.1, c.labelSmoothing());
        assertTrue(c.testTimeFlip());
        assertEquals(0.3, c.augmentFadeFraction());
        assertEquals("classic", c.preset());
        assertEquals(64, c.model().inputHeight());
        assertEquals(0, Profile.TEACH.maxTrainPerClass(), "teach trains on all images");
    }

    @Test
    void theFullRecipeIsTheCommittedHeadlineReferenceConfig() throws Exception {
        Path committed = Path.of("docs", "reference-runs", "ref-four-class-seed42-config.json");
        TrainConfig reference = TrainConfig.fromJson(Files.readString(committed));
        TrainConfig got = Profile.FULL.recipe(Task.FOUR_CLASS, reference.runName()).build();
        assertEquals(reference.toJson(), got.toJson(), "Profile.FULL must follow " + committed);
    }

    @Test
    void teachDiffersFromTheReferenceOnlyInLengthAndEarlyStopping() throws Exception {
        TrainConfig reference = TrainConfig.fromJson(Files.readString(
                Path.of("docs", "reference-runs", "ref-four-class-seed42-config.json")));
        TrainConfig teach = Profile.TEACH.recipe(Task.FOUR_CLASS, reference.runName()).build();
        TrainConfig aligned = teach.toBuilder().setEpochs(reference.epochs())
                .optEarlyStopping(reference.earlyStopping()).build();
        assertEquals(reference.toJson(), aligned.toJson());
    }

    @Test
    void everyNotebookHasAnEstimateOnEveryProfileAndTheBannerSaysHowToChange() {
        for (Profile p : List.of(Profile.QUICK, Profile.TEACH, Profile.FULL)) {
            for (int nb = 1; nb <= 8; nb++) {
                assertTrue(p.expectedMinutes(nb) >= 1, p.name() + " " + nb);
            }
            String banner = p.banner(4);
            assertTrue(banner.contains(p.name()) && banner.contains(Profile.ENV_VAR + "=quick|teach|full")
                    && banner.contains(p.expectedMinutes(4) + " min"), banner);
            assertThrows(IllegalArgumentException.class, () -> p.expectedMinutes(9));
        }
        assertTrue(Profile.TEACH.expectedMinutes(4) <= 5, "notebook 04 must fit in five minutes on teach");
    }

    @Test
    void smallerCapsEpochsAndImagesButKeepsTheRecipe() {
        Profile s = Profile.TEACH.smaller(4, 300);
        assertEquals(4, s.epochs());
        assertEquals(300, s.maxTrainPerClass());
        assertEquals("teach", s.name());
        Profile q = Profile.QUICK.smaller(4, 300);
        assertEquals(1, q.epochs());
        assertEquals(120, q.maxTrainPerClass());
        assertFalse(s.recipe(Task.BINARY, "x").build().augmentWarp().isEmpty());
    }
}
