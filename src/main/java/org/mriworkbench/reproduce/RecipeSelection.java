package org.mriworkbench.reproduce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mriworkbench.core.ProgressListener;
import org.mriworkbench.eval.Bootstrap;
import org.mriworkbench.eval.BootstrapInterval;
import org.mriworkbench.eval.PairedComparison;
import org.mriworkbench.sweep.InProcessExecutor;
import org.mriworkbench.sweep.Sweep;
import org.mriworkbench.sweep.SweepMetric;
import org.mriworkbench.sweep.SweepResult;
import org.mriworkbench.sweep.SweepSpec;
import org.mriworkbench.sweep.TrialData;
import org.mriworkbench.sweep.TrialOutcome;
import org.mriworkbench.train.Json;
import org.mriworkbench.train.TrainConfig;
import org.mriworkbench.train.TrainingListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.mriworkbench.experiment.ExperimentRunner;
import org.mriworkbench.experiment.RunFolder;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.core.ProgressListener;

/**
 * The reference recipe, chosen by a {@link Sweep} on validation before any reference run reads a test image: the
 * trials of a committed spec ({@code docs/reference-runs/recipe-sweep.json}), ranked by the spec's validation metric,
 * each with a bootstrap interval on that metric and McNemar's test against the best, so a reader can see whether the
 * winner won by more than noise. The chosen recipe is the winning trial's config; {@link #headline} moves it to the
 * reference input size, epochs and seed.
 *
 * @param sweep   the sweep's result (its folder holds {@code trials.csv} and the factor charts)
 * @param ranking the finished trials, best first
 * @param chosen  the winning trial's config (at the selection size and epochs)
 */
public record RecipeSelection(SweepResult sweep, List<Row> ranking, TrainConfig chosen) {

    /** Folder under the runs root that holds the selection sweeps. */
    public static final String SWEEPS = "sweeps";

    public RecipeSelection {
        Objects.requireNonNull(sweep, "sweep");
        ranking = List.copyOf(ranking);
        Objects.requireNonNull(chosen, "chosen");
    }

    /**
     * One trial of the ranking.
     *
     * @param validation the ranking metric on validation with its 95% bootstrap interval
     * @param vsBest     McNemar's test of the trial's validation accuracy against the best trial's (null if unpaired)
     */
    public record Row(int rank, String trial, Map<String, String> factors, BootstrapInterval validation,
                      PairedComparison vsBest, int images, double seconds) {
        public Row {
            factors = Map.copyOf(factors);
        }
    }

    /**
     * Runs (or reuses, or resumes) the sweep of {@code spec} on a validation-only runner, with trial runs under
     * {@code runsRoot} and the sweep folder in {@code runsRoot/sweeps/<name>}. Throws
     * {@link ExperimentRunner.RunStoppedException} when the stop signal ended it, so the caller stops too.
     */
    public static SweepResult sweep(SweepSpec spec, Path dataRoot, Path cacheDir, Path runsRoot,
                                    TrainingListener listener, ProgressListener progress, BooleanSupplier stop,
                                    Consumer<String> log) throws IOException {
        Path dir = runsRoot.resolve(SWEEPS).resolve(spec.name());
        SweepResult r = Sweep.of(spec, TrialData.of(dataRoot, cacheDir, runsRoot), dir)
                .withExecutor(InProcessExecutor.create().withListener(listener).withProgress(progress)
                        .withStopSignal(stop))
                .withStopSignal(stop).withLog(log).run();
        if (r.ended() != null) {
            throw new ExperimentRunner.RunStoppedException(dir);
        }
        if (r.best().isEmpty()) {
            throw new IllegalStateException("sweep " + spec.name() + " finished no trial; nothing to choose from");
        }
        return r;
    }

    /**
     * Ranks a finished sweep, with an interval on each trial's validation metric that resamples the duplicate
     * clusters of {@code clusterOf} (image id to cluster; empty resamples images).
     */
    public static RecipeSelection of(SweepResult r, Bootstrap bootstrap, Map<String, Integer> clusterOf)
            throws IOException {
        SweepMetric metric = r.spec().metric();
        Map<String, PairedComparison> cmp = r.comparisons();
        List<Row> rows = new ArrayList<>();
        List<TrialOutcome> ranked = r.ranked();
        for (int i = 0; i < ranked.size(); i++) {
            TrialOutcome o = ranked.get(i);
            Predictions val = Predictions.read(new RunFolder(Path.of(o.runDir())).validationPredictions());
            int[] clusters = clusters(val.ids(), clusterOf);
            BootstrapInterval ci = bootstrap.interval(metric::compute, val.labels(), val.probabilities(), clusters);
            rows.add(new Row(i + 1, o.name(), r.trial(o).factors(), ci, cmp.get(o.name()), o.validation(),
                    o.wallSeconds()));
        }
        return new RecipeSelection(r, rows, r.trial(r.best().orElseThrow()).config());
    }

    /**
     * The chosen trial, {@link SweepResult#best()}: the first of the ranking, except with a {@code seed} factor, where
     * it is the best configuration's (by mean over seeds) first-seed trial and may rank lower as a single trial.
     */
    public String chosenTrial() {
        return sweep.best().orElseThrow().name();
    }

    /** The chosen trial's factor values. */
    public Map<String, String> chosenFactors() {
        return sweep.trial(sweep.best().orElseThrow()).factors();
    }

    /**
     * The chosen recipe at the reference size, epochs and seed (the seed also seeds the weights), with its own run
     * name and threads; every other field is the winning trial's.
     */
    public TrainConfig headline(int inputSize, int epochs, long seed, int threads, String runName) {
        return moved(chosen, inputSize, epochs, seed, threads, runName);
    }

    /** {@code config} with another input size, epochs, seed, threads and run name. */
    static TrainConfig moved(TrainConfig config, int inputSize, int epochs, long seed, int threads, String runName) {
        try {
            ObjectNode c = (ObjectNode) Json.mapper().readTree(config.toJson());
            ObjectNode model = (ObjectNode) c.get("model");
            model.put("inputHeight", inputSize).put("inputWidth", inputSize).put("seed", seed);
            c.put("epochs", epochs).put("seed", seed).put("threads", threads).put("runName", runName);
            return TrainConfig.fromJson(c.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int[] clusters(List<String> ids, Map<String, Integer> clusterOf) {
        if (clusterOf == null || clusterOf.isEmpty()) {
            return null;
        }
        int[] out = new int[ids.size()];
        int fresh = Integer.MIN_VALUE;
        for (int i = 0; i < out.length; i++) {
            Integer k = clusterOf.get(ids.get(i));
            out[i] = k != null ? k : fresh++;
        }
        return out;
    }
}
