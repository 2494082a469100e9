package org.mriworkbench.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.experiment.RunFolder;

/**
 * A trial outcome without training, for tests of ranking and selection: the given validation predictions are written
 * where a real trial's run would write them (images {@code img0}, {@code img1}, ...; classes a to d) and scored with
 * every {@link SweepMetric}, so pairing, McNemar and the tables read them as they read a real run's.
 */
public final class FabricatedOutcome {

    private FabricatedOutcome() {
    }

    /** The outcome of {@code t} with these validation labels and probabilities, its run folder under {@code runs}. */
    public static TrialOutcome of(Path runs, Trial t, int[] labels, double[][] probs, double seconds)
            throws IOException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            ids.add("img" + i);
        }
        Path run = runs.resolve(t.name());
        Files.createDirectories(run);
        Predictions.of(List.of("a", "b", "c", "d"), ids, labels, probs)
                .write(new RunFolder(run).validationPredictions());
        Map<String, Double> m = new LinkedHashMap<>();
        for (SweepMetric metric : SweepMetric.values()) {
            m.put(metric.id(), metric.compute(labels, probs));
        }
        return new TrialOutcome(t.index(), t.name(), run.toString(), labels.length, m, seconds);
    }
}
