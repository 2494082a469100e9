package org.mriworkbench.experiment;

import org.mriworkbench.data.AuditConfig;
import org.mriworkbench.data.SplitConfig;
import org.mriworkbench.eval.Bootstrap;
import org.mriworkbench.eval.BootstrapInterval;
import org.mriworkbench.eval.Metrics;
import org.mriworkbench.preprocess.Preprocessing;
import org.mriworkbench.train.Checkpoints;
import org.mriworkbench.train.TrainConfig;
import org.mriworkbench.train.TrainingListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Regenerates the reference results from nothing but the data: the imbalance selection on validation, the four
 * {@link ReferenceExperiment}s, their evaluation on both test sets, a re-run that checks the numbers repeat, and a
 * Grad-CAM gallery of each run's most confident errors. Finished runs of the same config are reused and an
 * interrupted one is resumed from its checkpoint, so stopping the command loses at most one epoch.
 */
public final class Reproduction {

    /**
     * Sizes of a reproduction.
     *
     * @param inputSize         input size of the reference runs
     * @param epochs            epochs of the reference runs
     * @param selectionSize     input size of the imbalance-selection runs (smaller: they only rank strategies)
     * @param selectionEpochs   epochs of the imbalance-selection runs
     * @param seed              master seed of every run
     * @param threads           native threads
     * @param resamples         bootstrap resamples of every interval
     * @param rerun             whether to re-run the first experiment to check that its metrics repeat exactly
     */
    public record Settings(int inputSize, int epochs, int selectionSize, int selectionEpochs, long seed, int threads,
                           int resamples, boolean rerun) {

        /** The full profile: 128 px, 15 epochs; selection at 64 px for 3 epochs. */
        public static Settings full(int threads) {
            return new Settings(Profile.FULL.inputSize(), Profile.FULL.epochs(), 64, 3, 42, threads, 2000, true);
        }
    }

    /** What one reference experiment gave. {@code official} and {@code leakage} are null unless it has them. */
    public record Entry(ReferenceExperiment experiment, Path runDir, Manifest manifest, RunEvaluation leakageFree,
                        RunEvaluation official, LeakageEffect leakage) {
    }

    /**
     * The same model on the official Testing images that have a copy in its training data and on those that do not:
     * the size of the gap is what leakage adds to a reported figure.
     */
    public record LeakageEffect(int leakedImages, BootstrapInterval leakedAccuracy, int cleanImages,
                                BootstrapInterval cleanAccuracy) {
    }

    /**
     * Whether a re-run of the same config and seed gave the same numbers, and whether the determinism contract
     * ({@code docs/determinism.md}) promised that: {@code contractDifferences} lists what differed between the two
     * runs' manifests (threads, oneDNN ISA, OpenBLAS kernels, native libraries), e.g. when one was reused from
     * another machine. Empty means bit-identical results were expected.
     */
    public record Reproducibility(String original, String rerun, int predictions, double maxProbabilityDifference,
                                  List<String> differingMetrics, List<String> contractDifferences) {
        public Reproducibility {
            differingMetrics = List.copyOf(differingMetrics);
            contractDifferences = List.copyOf(contractDifferences);
        }

        public boolean identical() {
            return maxProbabilityDifference == 0.0 && differingMetrics.isEmpty();
        }

        /** Whether the contract promised bit-identical results: same threads, ISA, kernels and libraries. */
        public boolean identicalExpected() {
            return contractDifferences.isEmpty();
        }
    }

    /** Everything the results table is written from. {@code reproducibility} is null when no re-run was asked. */
    public record Result(Settings settings, ImbalanceSelection selection, List<Entry> entries,
                         Reproducibility reproducibility, String shiftRun, List<ReferenceShift.Row> shift,
                         String dataFingerprint, double wallSeconds) {
        public Result {
            entries = List.copyOf(entries);
            shift = List.copyOf(shift);
        }
    }

    private final Path dataRoot;
    private final Path cacheDir;
    private final Path runsRoot;
    private Settings settings = Settings.full(TrainConfig.DEFAULT_THREADS);
    private TrainingListener listener = new TrainingListener() { };
    private ProgressListener progress = ProgressListener.NONE;
    private BooleanSupplier stop = () -> false;
    private Consumer<String> log = s -> { };

    private Reproduction(Path dataRoot, Path cacheDir, Path runsRoot) {
        this.dataRoot = Objects.requireNonNull(dataRoot, "dataRoot");
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
        this.runsRoot = Objects.requireNonNull(runsRoot, "runsRoot");
    }

    /** A reproduction of the data in {@code dataRoot}, with caches in {@code cacheDir}, runs under {@code runsRoot}. */
    public static Reproduction of(Path dataRoot, Path cacheDir, Path runsRoot) {
        return new Reproduction(dataRoot, cacheDir, runsRoot);
    }

    public Reproduction withSettings(Settings s) {
        this.settings = Objects.requireNonNull(s);
        return this;
    }

    public Reproduction withListener(TrainingListener l) {
        this.listener = l;
        return this;
    }

    public Reproduction withProgress(ProgressListener p) {
        this.progress = p;
        return this;
    }

    public Reproduction withStopSignal(BooleanSupplier s) {
        this.stop = s;
        return this;
    }

    /** Where step-by-step messages go (the command line prints them). */
    public Reproduction withLog(Consumer<String> l) {
        this.log = l;
        return this;
    }

    /** Runs (or reuses) everything and evaluates it. */
    public Result run() throws IOException {
        long start = System.nanoTime();
        Settings s = settings;
        log.accept("imbalance selection on validation: " + s.selectionSize() + " px, " + s.selectionEpochs()
                + " epochs per strategy");
        PreparedData small = prepare(s.selectionSize(), SplitConfig.Mode.GROUPED_RESPLIT);
        ImbalanceSelection selection = ImbalanceSelection.run(runner(small), "classic", s.selectionSize(),
                s.selectionEpochs(), s.seed(), s.threads());
        log.accept("chosen on validation: " + selection.best());
        small = null;

        RunEvaluator evaluator = RunEvaluator.create(s.resamples(), 7);
        List<Entry> entries = new ArrayList<>();
        Reproducibility repro = null;
        String fingerprint = null;
        for (SplitConfig.Mode mode : SplitConfig.Mode.values()) {
            List<ReferenceExperiment> todo = ReferenceExperiment.standard(selection.best()).stream()
                    .filter(e -> e.split() == mode).toList();
            if (todo.isEmpty()) {
                continue;
            }
            PreparedData data = prepare(s.inputSize(), mode);
            fingerprint = data.index().fingerprint();
            ExperimentRunner runner = runner(data);
            for (ReferenceExperiment e : todo) {
                log.accept(e.name() + ": " + e.description());
                Path dir = runner.trainOrReuse(e.config(s.inputSize(), s.epochs(), s.seed(), s.threads()));
                entries.add(evaluate(e, dir, data, evaluator));
                if (s.rerun() && repro == null) {
                    ReferenceExperiment again = e.renamed(e.name() + "-rerun");
                    log.accept(again.name() + ": the same config and seed again, to check the numbers repeat");
                    Path dir2 = runner.trainOrReuse(
                            again.config(s.inputSize(), s.epochs(), s.seed(), s.threads()));
                    evaluator.evaluateRun(dir2, dir2);
                    repro = compare(dir, dir2);
                    log.accept(repro.identicalExpected()
                            ? "same threads, oneDNN ISA, OpenBLAS kernels and libraries: bit-identical expected, "
                                    + (repro.identical() ? "and identical" : "but it DIFFERS")
                            : "bit-identical not expected (" + String.join("; ", repro.contractDifferences())
                                    + "): " + (repro.identical() ? "identical anyway" : "differs within tolerance?"));
                }
            }
        }
        // The out-of-distribution check uses the four-class model trained on the leakage-free split.
        Entry shiftEntry = entries.stream().filter(e -> e.experiment().split() == SplitConfig.Mode.GROUPED_RESPLIT)
                .reduce((a, b) -> b).orElseThrow();
        log.accept("out-of-distribution check of " + shiftEntry.experiment().name() + ": phantoms and real Testing");
        List<ReferenceShift.Row> shift = ReferenceShift.check(shiftEntry.runDir(), dataRoot, runsRoot, cacheDir);
        return new Result(s, selection, entries, repro, shiftEntry.experiment().name(), shift, fingerprint,
                (System.nanoTime() - start) / 1e9);
    }

    private PreparedData prepare(int size, SplitConfig.Mode mode) {
        return PreparedData.prepare(dataRoot, cacheDir, AuditConfig.DEFAULT, SplitConfig.DEFAULT.withMode(mode),
                Preprocessing.standard(size), progress);
    }

    private ExperimentRunner runner(PreparedData data) {
        return ExperimentRunner.of(data, runsRoot).withListener(listener).withStopSignal(stop);
    }

    private Entry evaluate(ReferenceExperiment e, Path dir, PreparedData data, RunEvaluator evaluator)
            throws IOException {
        RunEvaluation clean = evaluator.evaluateRun(dir, dir);
        RunEvaluation official = null;
        LeakageEffect leakage = null;
        if (e.split() == SplitConfig.Mode.OFFICIAL_TEST) {
            Predictions all = RunEvaluator.officialPredictions(data, dir, e.task());
            official = evaluator.evaluateOfficial(dir, e.task(), all);
            leakage = leakage(all, Predictions.read(dir.resolve(Predictions.FILE)), evaluator.bootstrap());
        }
        FailureGallery.write(dir, data, e.task());
        return new Entry(e, dir, Manifest.read(dir.resolve(Manifest.FILE)), clean, official, leakage);
    }

    /**
     * Accuracy of one model on the official Testing images with a copy in its training data and on those without:
     * {@code all} holds its predictions on the whole Testing folder, {@code clean} on the leakage-free remainder
     * (every image of it, not a sample, or the rest would count as leaked). Public for notebook 5.
     */
    public static LeakageEffect leakage(Predictions all, Predictions clean, Bootstrap b) {
        Set<String> cleanIds = new HashSet<>(clean.ids());
        int[] leaked = IntStream.range(0, all.size()).filter(i -> !cleanIds.contains(all.ids().get(i))).toArray();
        int[] kept = IntStream.range(0, all.size()).filter(i -> cleanIds.contains(all.ids().get(i))).toArray();
        int[] labels = all.labels();
        double[][] probs = all.probabilities();
        return new LeakageEffect(leaked.length, accuracy(b, labels, probs, leaked), kept.length,
                accuracy(b, labels, probs, kept));
    }

    private static BootstrapInterval accuracy(Bootstrap b, int[] labels, double[][] probs, int[] rows) {
        int[] y = new int[rows.length];
        double[][] q = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            y[i] = labels[rows[i]];
            q[i] = probs[rows[i]];
        }
        return b.interval(Metrics.ACCURACY, y, q);
    }

    /** Compares two runs' test predictions and headline metrics exactly. */
    static Reproducibility compare(Path a, Path b) throws IOException {
        Predictions pa = Predictions.read(a.resolve(Predictions.FILE));
        Predictions pb = Predictions.read(b.resolve(Predictions.FILE));
        double max = pa.ids().equals(pb.ids()) ? 0 : Double.POSITIVE_INFINITY;
        double[][] qa = pa.probabilities();
        double[][] qb = pb.probabilities();
        for (int i = 0; i < Math.min(qa.length, qb.length) && Double.isFinite(max); i++) {
            for (int c = 0; c < qa[i].length; c++) {
                max = Math.max(max, Math.abs(qa[i][c] - qb[i][c]));
            }
        }
        RunEvaluation ea = RunEvaluation.read(a.resolve(RunEvaluator.metricsFile("")));
        RunEvaluation eb = RunEvaluation.read(b.resolve(RunEvaluator.metricsFile("")));
        List<String> differing = new ArrayList<>();
        ea.headline().forEach((k, v) -> {
            if (!v.equals(eb.headline().get(k))) {
                differing.add(k);
            }
        });
        List<String> contract = Manifest.read(a.resolve(Manifest.FILE))
                .contractDifferences(Manifest.read(b.resolve(Manifest.FILE)));
        return new Reproducibility(TrainConfig.read(a.resolve(Checkpoints.CONFIG_FILE)).runName(),
                TrainConfig.read(b.resolve(Checkpoints.CONFIG_FILE)).runName(), pa.size(), max, differing, contract);
    }
}
