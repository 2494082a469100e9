package org.mriworkbench.experiment;

import org.mriworkbench.train.TensorDataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * How much work a notebook or script does: {@code quick} (CI and a first look: small images, few epochs, a subset
 * of the images) or {@code full} (the real experiment). Notebooks read it from the environment variable
 * {@value #ENV_VAR}, so CI runs every notebook top to bottom in minutes and a researcher gets the full run from the
 * same cells.
 *
 * @param name             {@code quick} or {@code full}
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
    public static final Profile FULL = new Profile("full", 128, 15, 0, 0, "classic");

    /** The profile named by {@value #ENV_VAR} in {@code env}; {@code quick} when unset, so a first run is short. */
    public static Profile fromEnvironment(Map<String, String> env) {
        String v = env.getOrDefault(ENV_VAR, "quick").trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "quick", "ci", "" -> QUICK;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException(ENV_VAR + " must be quick or full, not '" + v + "'");
        };
    }

    /** The profile of this process's environment. */
    public static Profile current() {
        return fromEnvironment(System.getenv());
    }

    /** At most {@code perClass} images of each class of {@code data}, chosen with {@code seed}; all when 0. */
    public static TensorDataset limit(TensorDataset data, int perClass, long seed) {
        if (perClass <= 0) {
            return data;
        }
        int k = 0;
        for (int l : data.labels()) {
            k = Math.max(k, l + 1);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < data.size(); i++) {
            byClass.get(data.label(i)).add(i);
        }
        Random rng = new Random(seed);
        List<Integer> keep = new ArrayList<>();
        for (List<Integer> members : byClass) {
            Collections.shuffle(members, rng);
            keep.addAll(members.subList(0, Math.min(perClass, members.size())));
        }
        Collections.sort(keep);
        return data.subset(keep.stream().mapToInt(Integer::intValue).toArray());
    }

    public TensorDataset limitTrain(TensorDataset d, long seed) {
        return limit(d, maxTrainPerClass, seed);
    }

    public TensorDataset limitEval(TensorDataset d, long seed) {
        return limit(d, maxEvalPerClass, seed);
    }
}
