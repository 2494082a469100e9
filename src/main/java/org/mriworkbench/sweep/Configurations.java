package org.mriworkbench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import org.mriworkbench.core.SeedStatistics;
import org.mriworkbench.eval.McNemar;
import org.mriworkbench.eval.PairedComparison;
import org.mriworkbench.eval.Predictions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trials of a sweep grouped into configurations: trials that share every factor value except
 * {@value SweepSpec#SEED} are one configuration trained with replicate seeds, ranked by the mean of the metric over
 * its finished seeds.
 *
 * <p>Why: one seed per configuration ranks seed noise. On the reference data two recipes one seed apart differed by
 * 5 of 1,055 validation images while seeds alone move accuracy by about 0.012, and three-seed probes had ranked the
 * two the other way round. The mean over seeds, its sample sd and a McNemar test pooled over the seeds two
 * configurations share say whether a gap is more than the seeds' spread.
 *
 * <p>Pooling: for each seed both configurations finished on the same validation images, the configuration's trial
 * (A) is paired with the best configuration's trial of that seed (B); the discordant counts are summed over those
 * seeds and tested once ({@link McNemar#compare(McNemar.Counts)}). Without a seed factor every trial is its own
 * configuration (n = 1) and the pooled test is the trial's own test against the best trial.
 *
 * <p>Kept apart from {@link SweepResult}, which holds the per-trial ranking, so each stays small; it depends on the
 * trials and outcomes only, not on the result.
 */
final class Configurations {

    /**
     * One configuration.
     *
     * @param factors its factor values, seed left out, in spec order
     * @param seeds   its finished trials, in the spec's seed order
     * @param mean    the metric's mean over the seeds where it is defined (NaN if none)
     * @param sd      its sample standard deviation (NaN below two defined values)
     */
    record Configuration(Map<String, String> factors, List<TrialOutcome> seeds, double mean, double sd) {
    }

    private final SweepSpec spec;
    private final List<Trial> trials;
    private final List<Configuration> ranked;

    Configurations(SweepSpec spec, List<Trial> trials, List<TrialOutcome> outcomes) {
        this.spec = spec;
        this.trials = trials;
        Map<Map<String, String>, List<TrialOutcome>> groups = new LinkedHashMap<>();
        for (TrialOutcome o : outcomes) {
            Map<String, String> f = new LinkedHashMap<>(trials.get(o.index()).factors());
            f.remove(SweepSpec.SEED);
            groups.computeIfAbsent(f, k -> new ArrayList<>()).add(o);
        }
        List<Configuration> list = new ArrayList<>();
        groups.forEach((f, os) -> {
            os.sort(Comparator.comparingInt((TrialOutcome o) -> seedOrder(seed(o))).thenComparingInt(
                    TrialOutcome::index));
            double[] v = os.stream().mapToDouble(o -> o.value(spec.metric())).filter(x -> !Double.isNaN(x))
                    .toArray();
            list.add(new Configuration(f, List.copyOf(os), SeedStatistics.mean(v), SeedStatistics.sd(v)));
        });
        SweepMetric m = spec.metric();
        list.sort((a, b) -> m.better(a.mean(), b.mean()) ? -1 : m.better(b.mean(), a.mean()) ? 1
                : Integer.compare(a.seeds().get(0).index(), b.seeds().get(0).index()));
        this.ranked = List.copyOf(list);
    }

    /** Whether the spec varies the seed, so that trials are replicates of fewer configurations. */
    static boolean replicated(SweepSpec spec) {
        return spec.factors().containsKey(SweepSpec.SEED);
    }

    /** Configurations with a finished trial, best mean first (NaN last, ties by their first trial). */
    List<Configuration> ranked() {
        return ranked;
    }

    /** The best configuration's trial with the first seed in spec order. */
    Optional<TrialOutcome> best() {
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0).seeds().get(0));
    }

    /** The summed paired table and how many seeds it sums. */
    private record Pooled(McNemar.Counts counts, int seeds) {
        /** McNemar's test on the summed table; null when no seed was shared. */
        PairedComparison test() {
            return seeds == 0 ? null : McNemar.compare(counts);
        }
    }

    private Pooled pool(Configuration c, Configuration best) throws IOException {
        McNemar.Counts sum = new McNemar.Counts(0, 0, 0, 0, 0);
        int seeds = 0;
        for (TrialOutcome a : c.seeds()) {
            for (TrialOutcome b : best.seeds()) {
                if (seed(a).equals(seed(b))) {
                    Predictions pa = TrialOutcome.validationPredictions(Path.of(a.runDir()));
                    Predictions pb = TrialOutcome.validationPredictions(Path.of(b.runDir()));
                    if (pa.ids().equals(pb.ids())) {
                        sum = sum.plus(McNemar.counts(pb.labels(), pa.probabilities(), pb.probabilities()));
                        seeds++;
                    }
                }
            }
        }
        return new Pooled(sum, seeds);
    }

    /**
     * One row per configuration, best mean first: rank, its factor values (seed left out), finished seeds, the mean
     * and sd of the metric, the pooled McNemar against the best (accuracy difference and p), the seeds that test
     * pooled and the trials.
     */
    Table table() {
        String id = spec.metric().id();
        Table t = Table.create(spec.name() + ": configurations ranked by mean validation " + id + " over seeds");
        t.addColumns(IntColumn.create("rank"));
        List<String> factors = spec.factors().keySet().stream().filter(f -> !f.equals(SweepSpec.SEED)).toList();
        for (String f : factors) {
            t.addColumns(StringColumn.create(f));
        }
        t.addColumns(IntColumn.create("seeds"), DoubleColumn.create(id + "Mean"), DoubleColumn.create(id + "Sd"),
                DoubleColumn.create("accuracyDiffVsBest"), DoubleColumn.create("mcnemarP"),
                IntColumn.create("pairedSeeds"), StringColumn.create("trials"));
        for (int i = 0; i < ranked.size(); i++) {
            Configuration c = ranked.get(i);
            Pooled pooled;
            try {
                pooled = pool(c, ranked.get(0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            PairedComparison p = pooled.test();
            t.intColumn("rank").append(i + 1);
            for (String f : factors) {
                t.stringColumn(f).append(c.factors().getOrDefault(f, ""));
            }
            t.intColumn("seeds").append(c.seeds().size());
            t.doubleColumn(id + "Mean").append(c.mean());
            t.doubleColumn(id + "Sd").append(c.sd());
            t.doubleColumn("accuracyDiffVsBest").append(p == null ? Double.NaN : p.difference());
            t.doubleColumn("mcnemarP").append(p == null ? Double.NaN : p.pValue());
            t.intColumn("pairedSeeds").append(pooled.seeds());
            t.stringColumn("trials").append(String.join(" ", c.seeds().stream().map(TrialOutcome::name).toList()));
        }
        return t;
    }

    private String seed(TrialOutcome o) {
        return trials.get(o.index()).factors().getOrDefault(SweepSpec.SEED, "");
    }

    /** Position of a seed among the spec's seed values (a distribution has no order: all equal). */
    private int seedOrder(String seed) {
        JsonNode values = spec.factors().get(SweepSpec.SEED);
        if (values != null && values.isArray()) {
            for (int i = 0; i < values.size(); i++) {
                if (Trials.text(values.get(i)).equals(seed)) {
                    return i;
                }
            }
        }
        return Integer.MAX_VALUE;
    }
}
