package org.mriworkbench.experiment;

import org.mriworkbench.core.SeededSample;
import org.mriworkbench.data.Task;
import org.mriworkbench.train.EarlyStopping;
import org.mriworkbench.train.LrSchedule;
import org.mriworkbench.train.Optimiser;
import org.mriworkbench.train.TensorDataset;
import org.mriworkbench.train.TrainConfig;

import java.util.Locale;
import java.util.Map;

/**
 * How much work a notebook does. {@code teach} (the default when a person opens a notebook) trains long enough for
 * every lesson to show: curves with several points, early stopping that can trigger, models that clearly beat
 * chance, in minutes per notebook on a 2-core laptop. {@code quick} is for CI and smoke tests (one epoch on a few
 * hundred images: the cells run, the models sit near chance). {@code full} is the reference recipe of
 * {@code reproduce}. Notebooks read it from {@value #ENV_VAR}, so the same cells serve a class, CI and a researcher.
 *
 * <p>The recipe lives here, in {@link #recipe}, rather than in each notebook, so that the eight notebooks train
 * alike and a change to the teaching recipe is one diff.
 *
 * @param name             {@code quick}, {@code teach} or {@code full}
 * @param inputSize        preprocessed image side in pixels
 * @param epochs           training epochs
 * @param maxTrainPerClass training images kept per class (stratified, seeded), 0 for all
 * @param maxEvalPerClass  validation and test images kept per class, 0 for all
 * @param preset           CNN preset the notebooks train by default
 */
public record Profile(String name, int inputSize, int epochs, int maxTrainPerClass, int maxEvalPerClass,
                      String preset) {

    /** Environment variable naming the profile. */
    public static final String ENV_VAR = "MRI_WORKBENCH_PROFILE";

    public static final Profile QUICK = new Profile("quick", 64, 1, 120, 60, "seed-baseline");
    public static final Profile TEACH = new Profile("teach", 64, 10, 0, 0, "classic");
    public static final Profile FULL = new Profile("full", 64, 30, 0, 0, "classic");

    /**
     * Training throughput behind {@link #expectedMinutes}: the classic net at 64 px trains at about 250 images/s on
     * an idle 2-core machine (about 20 s per epoch over the 4,909 training images of the leakage-free split); at
     * 128 px about a quarter of that. The seed baseline is cheaper still. These are estimates from measured epoch
     * times, not promises: a loaded machine is slower.
     */
    public static final double CLASSIC_64_IMAGES_PER_SECOND = 250;

    /**
     * Expected minutes of each notebook (index 0 = notebook 01) per profile on an idle 2-core machine with the real
     * data and a warm cache, estimated from {@link #CLASSIC_64_IMAGES_PER_SECOND} and the images each notebook
     * trains on (notebook 04: 10 epochs of 4,909 images plus a 2-epoch resume and a small ablation). The first scan of
     * the data adds about a minute to whichever notebook runs first.
     */
    private static final Map<String, int[]> EXPECTED_MINUTES = Map.of(
            "quick", new int[] {1, 1, 2, 1, 1, 1, 1, 1},
            "teach", new int[] {1, 3, 12, 5, 4, 1, 8, 1},
            "full", new int[] {1, 4, 20, 12, 12, 2, 22, 1});

    /** The profile named by {@value #ENV_VAR} in {@code env}; {@code teach} when unset, so a person sees each lesson. */
    public static Profile fromEnvironment(Map<String, String> env) {
        String v = env.getOrDefault(ENV_VAR, "teach").trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "quick", "ci" -> QUICK;
            case "teach", "" -> TEACH;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException(ENV_VAR + " must be quick, teach or full, not '" + v + "'");
        };
    }

    /** The profile of this process's environment. */
    public static Profile current() {
        return fromEnvironment(System.getenv());
    }

    /** Expected minutes of notebook {@code number} (1 to 8) on an idle 2-core machine; see {@link #EXPECTED_MINUTES}. */
    public int expectedMinutes(int number) {
        int[] m = EXPECTED_MINUTES.get(name);
        if (m == null || number < 1 || number > m.length) {
            throw new IllegalArgumentException("no estimate for notebook " + number + " on profile " + name);
        }
        return m[number - 1];
    }

    /**
     * What the first cell of a notebook prints: the profile, what it trains, the expected time of this notebook and
     * how to change it.
     */
    public String banner(int notebook) {
        String what = maxTrainPerClass > 0
                ? String.format(Locale.ROOT, "%s at %d px, %d epoch(s), at most %d training images per class",
                preset, inputSize, epochs, maxTrainPerClass)
                : String.format(Locale.ROOT, "%s at %d px, up to %d epochs, all training images", preset, inputSize,
                epochs);
        String note = switch (name) {
            case "quick" -> " (a smoke test: models stay near chance, curves are one point)";
            case "teach" -> " (long enough for each lesson to show)";
            default -> " (the reference recipe)";
        };
        return String.format(Locale.ROOT, "profile %s: %s%s%nthis notebook takes about %d min on an idle 2-core "
                        + "machine%nchange it with %s=quick|teach|full before starting Jupyter", name, what, note,
                expectedMinutes(notebook), ENV_VAR);
    }

    /**
     * A training config of this profile's recipe for {@code task}, named {@code runName}, seed 42; callers add what
     * their lesson varies. Every profile trains the recipe that {@code reproduce} chose on validation (sweep
     * {@code recipe-v2} at 10 epochs; {@code recipe-v3} at the reference's 30 epochs kept augmentation strength 0.25
     * over 0.5, docs/reference-runs/RESULTS.md): Adam with a peak of 2e-3 after one warm-up epoch and cosine
     * decay, weight decay 1e-4, augmentation at strength 0.25 composed into one affine warp and faded out over the
     * last 30% of epochs, label smoothing 0.1 and test-time flip averaging. {@code full} is exactly the headline
     * reference config (64 px, 30 epochs, every epoch, no early stopping; {@code ProfileTest} compares it with the
     * committed one); {@code teach} and {@code quick} add early stopping with patience 3 restoring the best epoch, so
     * that their lessons can show it.
     */
    public TrainConfig.Builder recipe(Task task, String runName) {
        TrainConfig.Builder b = TrainConfig.builder().setTask(task).setPreset(preset).setInputSize(inputSize)
                .setSeed(42).setEpochs(epochs).optRunName(runName)
                .optOptimiser(Optimiser.ADAM, 2e-3, 0.9).optLrSchedule(LrSchedule.byName("cosine"))
                .optWarmupEpochs(1).optWeightDecay(1e-4)
                .optAugmentation(true, 0.25).optAugmentWarp(TrainConfig.WARP_AFFINE).optAugmentFadeFraction(0.3)
                .optLabelSmoothing(0.1).optTestTimeFlip(true);
        return name.equals("full") ? b : b.optEarlyStopping(EarlyStopping.of(3));
    }

    /**
     * The same profile on a smaller budget, for lessons that train several runs to compare (ablations, measured
     * augmentation): at most {@code maxEpochs} epochs and {@code maxPerClass} training images per class.
     */
    public Profile smaller(int maxEpochs, int maxPerClass) {
        int perClass = maxTrainPerClass == 0 ? maxPerClass : Math.min(maxPerClass, maxTrainPerClass);
        return new Profile(name, inputSize, Math.min(epochs, maxEpochs), perClass, maxEvalPerClass, preset);
    }

    /** At most {@code perClass} images of each class of {@code data}, chosen with {@code seed}; all when 0. */
    public static TensorDataset limit(TensorDataset data, int perClass, long seed) {
        if (perClass <= 0) {
            return data;
        }
        return data.subset(SeededSample.perClass(data.labels(), perClass, seed));
    }

    public TensorDataset limitTrain(TensorDataset d, long seed) {
        return limit(d, maxTrainPerClass, seed);
    }

    public TensorDataset limitEval(TensorDataset d, long seed) {
        return limit(d, maxEvalPerClass, seed);
    }
}
