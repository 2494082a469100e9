package org.mriworkbench.experiment;

import org.junit.jupiter.api.Test;
import org.mriworkbench.data.SplitConfig;
import org.mriworkbench.data.Task;
import org.mriworkbench.train.TrainConfig;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.mriworkbench.reproduce.ReferenceExperiment;

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
        assertEquals(0.5, c.augmentStrength());
        assertEquals(0.3, c.augmentFadeFraction());
        assertEquals("classic", c.preset());
        assertEquals(64, c.model().inputHeight());
        assertEquals(0, Profile.TEACH.maxTrainPerClass(), "teach trains on all images");
    }

    @Test
    void theFullRecipeIsTheReferenceRecipe() {
        ReferenceExperiment ref = new ReferenceExperiment("r", "d", Task.BINARY, "classic", "none",
                SplitConfig.Mode.GROUPED_RESPLIT);
        TrainConfig expected = ref.config(Profile.FULL.inputSize(), Profile.FULL.epochs(), 42,
                TrainConfig.DEFAULT_THREADS);
        TrainConfig got = Profile.FULL.recipe(Task.BINARY, "r").build();
        assertEquals(expected.toJson(), got.toJson());
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
