package org.mriworkbench.experiment;

import org.mriworkbench.eval.Bootstrap;
import org.mriworkbench.eval.BootstrapInterval;
import org.mriworkbench.eval.Metrics;
import org.mriworkbench.train.EpochStats;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Map;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.runeval.RunEvaluator;

/**
 * Variants of one experiment (an ablation, augmentation on or off) side by side on their <em>validation</em>
 * images: accuracy and balanced accuracy with 95% bootstrap intervals, epochs run, best epoch and training speed.
 * Lessons compare variants on validation so that the test set stays unseen until a choice is made; the intervals
 * say when two variants cannot be told apart on this many images.
 */
public final class VariantTable {

    private static final int RESAMPLES = 1000;
    private static final long SEED = 7;

    private VariantTable() {
    }

    /** One row per entry of {@code outcomes}, in map order, titled {@code title}. */
    public static Table validation(String title, Map<String, ExperimentRunner.Outcome> outcomes) {
        Bootstrap bootstrap = RunEvaluator.create(RESAMPLES, SEED).bootstrap();
        StringColumn variant = StringColumn.create("variant");
        StringColumn accuracy = StringColumn.create("validation accuracy");
        StringColumn balanced = StringColumn.create("validation balanced accuracy");
        IntColumn epochs = IntColumn.create("epochs run");
        IntColumn best = IntColumn.create("best epoch");
        DoubleColumn speed = DoubleColumn.create("training images/s");
        outcomes.forEach((name, o) -> {
            Predictions v = o.validation();
            BootstrapInterval acc = bootstrap.interval(Metrics.ACCURACY, v.labels(), v.probabilities());
            BootstrapInterval bal = bootstrap.interval(Metrics.BALANCED_ACCURACY, v.labels(), v.probabilities());
            List<EpochStats> h = o.training().history();
            variant.append(name);
            accuracy.append(acc.format());
            balanced.append(bal.format());
            epochs.append(h.size());
            best.append(o.training().bestEpoch() + 1);
            speed.append(h.stream().mapToDouble(EpochStats::imagesPerSecond).average().orElse(Double.NaN));
        });
        return Table.create(title, variant, accuracy, balanced, epochs, best, speed);
    }

    /** Validation accuracy per epoch of each variant, for {@code ComparisonCurves.perEpoch}. */
    public static Map<String, double[]> validationAccuracyCurves(Map<String, ExperimentRunner.Outcome> outcomes) {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        outcomes.forEach((name, o) -> out.put(name,
                o.training().history().stream().mapToDouble(EpochStats::valAccuracy).toArray()));
        return out;
    }
}
