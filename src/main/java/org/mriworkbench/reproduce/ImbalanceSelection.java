package org.mriworkbench.reproduce;

import org.mriworkbench.data.SplitConfig;
import org.mriworkbench.data.Task;
import org.mriworkbench.eval.Metrics;
import org.mriworkbench.eval.Ranking;
import org.mriworkbench.imbalance.ImbalanceStrategies;
import org.mriworkbench.train.TrainConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mriworkbench.experiment.ExperimentRunner;
import org.mriworkbench.experiment.Manifest;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.experiment.RunFolder;

/**
 * Chooses the imbalance strategy for tumour detection on <em>validation</em> images, never on test: each strategy
 * trains the same network with the same seed, and the one with the highest validation balanced accuracy wins (lower
 * validation log loss breaks ties). This is the comparison of the class-imbalance notebook, done with the rule a
 * reviewer can check, so the reference run that uses the winner is not tuned on its own test set.
 *
 * @param candidates one entry per strategy, in {@link ImbalanceStrategies#names()} order
 * @param best       the chosen strategy
 */
public record ImbalanceSelection(List<Candidate> candidates, String best) {

    public ImbalanceSelection {
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(best, "best");
    }

    /** One strategy's validation figures and its run folder. */
    public record Candidate(String strategy, String runName, Path runDir, double balancedAccuracy, double auc,
                            double logLoss, double wallSeconds) {
    }

    /** Run-name prefix of the selection runs. */
    public static final String PREFIX = "select-imbalance-";

    /**
     * Trains (or reuses, when a finished run of the same name exists) one binary run per strategy with {@code preset}
     * on {@code data}, and picks the best on validation.
     */
    public static ImbalanceSelection run(ExperimentRunner runner, String preset, int inputSize,
                                         int epochs, long seed, int threads) throws IOException {
        List<Candidate> out = new ArrayList<>();
        for (String strategy : ImbalanceStrategies.names()) {
            ReferenceExperiment e = new ReferenceExperiment(PREFIX + strategy, "imbalance selection", Task.BINARY,
                    preset, strategy, SplitConfig.Mode.GROUPED_RESPLIT);
            TrainConfig config = e.config(inputSize, epochs, seed, threads);
            Path dir = runner.trainOrReuse(config);
            Predictions val = Predictions.read(new RunFolder(dir).validationPredictions());
            int[] y = val.labels();
            double[][] p = val.probabilities();
            out.add(new Candidate(strategy, e.name(), dir, Metrics.BALANCED_ACCURACY.compute(y, p),
                    Ranking.rocAuc(y, Ranking.column(p, 1)).value(), Metrics.LOG_LOSS.compute(y, p),
                    Manifest.read(new RunFolder(dir).manifest()).wallSeconds()));
        }
        return new ImbalanceSelection(out, choose(out));
    }

    /**
     * The rule: highest validation balanced accuracy, then lowest validation log loss; a full tie goes to the strategy
     * listed first, which is the simpler one ({@code none} before any re-weighting or resampling).
     */
    static String choose(List<Candidate> candidates) {
        Candidate best = null;
        for (Candidate c : candidates) {
            if (best == null || c.balancedAccuracy() > best.balancedAccuracy()
                    || (c.balancedAccuracy() == best.balancedAccuracy() && c.logLoss() < best.logLoss())) {
                best = c;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no imbalance strategies to choose from");
        }
        return best.strategy();
    }
}
