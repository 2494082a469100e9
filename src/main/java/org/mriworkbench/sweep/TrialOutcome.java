package org.mriworkbench.sweep;

import org.mriworkbench.experiment.ExperimentRunner;
import org.mriworkbench.experiment.Manifest;
import org.mriworkbench.eval.Predictions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mriworkbench.experiment.RunFolder;

/**
 * What a finished trial gave, on validation only: every {@link SweepMetric} of its kept model, the run folder that
 * holds the rest, and the recorded training time that minute budgets count.
 *
 * @param index       the trial's index
 * @param name        the trial's run name
 * @param runDir      its run folder
 * @param validation  validation images scored
 * @param metrics     metric id to value, for every {@link SweepMetric}
 * @param wallSeconds the run's recorded wall time (its original time when the run was reused)
 */
public record TrialOutcome(int index, String name, String runDir, int validation, Map<String, Double> metrics,
                           double wallSeconds) {

    public TrialOutcome {
        Objects.requireNonNull(runDir, "runDir");
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** Scores a finished run folder from its validation predictions and manifest. */
    public static TrialOutcome fromRun(Trial trial, Path runDir) throws IOException {
        Predictions val = validationPredictions(runDir);
        Map<String, Double> m = new LinkedHashMap<>();
        for (SweepMetric metric : SweepMetric.values()) {
            double v;
            try {
                v = metric.compute(val.labels(), val.probabilities());
            } catch (RuntimeException e) {
                v = Double.NaN; // undefined on this validation set, e.g. an AUC with one class
            }
            m.put(metric.id(), v);
        }
        return new TrialOutcome(trial.index(), trial.name(), runDir.toString(), val.size(), m,
                Manifest.read(new RunFolder(runDir).manifest()).wallSeconds());
    }

    /** A run folder's validation predictions. */
    static Predictions validationPredictions(Path runDir) throws IOException {
        return Predictions.read(new RunFolder(runDir).validationPredictions());
    }

    /** The value of {@code metric}. */
    public double value(SweepMetric metric) {
        return metrics.getOrDefault(metric.id(), Double.NaN);
    }
}
