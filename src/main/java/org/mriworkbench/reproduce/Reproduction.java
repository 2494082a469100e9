package org.mriworkbench.reproduce;

import org.mriworkbench.core.ProgressListener;
import org.mriworkbench.data.AuditConfig;
import org.mriworkbench.data.DataSplit;
import org.mriworkbench.data.SplitConfig;
import org.mriworkbench.data.Subset;
import org.mriworkbench.data.Task;
import org.mriworkbench.data.TrainingSimilarity;
import org.mriworkbench.eval.BootstrapInterval;
import org.mriworkbench.preprocess.Preprocessing;
import org.mriworkbench.sweep.SweepResult;
import org.mriworkbench.sweep.SweepSpec;
import org.mriworkbench.train.Checkpoints;
import org.mriworkbench.train.TrainConfig;
import org.mriworkbench.train.TrainingListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.mriworkbench.experiment.ExperimentRunner;
import org.mriworkbench.report.FailureGallery;
import org.mriworkbench.experiment.Manifest;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.experiment.PreparedData;
import org.mriworkbench.core.ProgressListener;
import org.mriworkbench.runeval.RunEvaluation;
import org.mriworkbench.runeval.RunEvaluator;
import org.mriworkbench.experiment.RunFolder;
import org.mriworkbench.report.EvaluationReport;

/**
 * Regenerates the reference results from nothing but the data, in one resumable invocation: the training recipe chosen
 * by a sweep on validation ({@link RecipeSelection}), the headline four-class config trained with several seeds, the
 * tutorial-sized seed-baseline, their evaluation on the leakage-free test set (cluster bootstrap, tumour detection
 * from the four-class models, accuracy by closeness to training), paired tests between the runs, a re-run that checks
 * the numbers repeat, and an out-of-distribution check. Finished runs of the same config are reused and an interrupted
 * one is resumed from its checkpoint, so stopping the command loses at most one epoch.
 *
 * <p>The run on the official split (whose Testing folder shares copies with Training) is no longer part of it: it
 * cost a second data preparation and a fourth long run to show what leakage adds, which the data audit already
 * reports, and the budget went to seeds instead.
 */
public final class Reproduction {

    /** The committed selection spec, relative to the repository root. */
    public static final Path SELECTION_SPEC = Path.of("docs", "reference-runs", "recipe-sweep.json");

    /**
     * Sizes of a reproduction.
     *
     * @param inputSize input size of the reference runs
     * @param epochs    epochs of the reference runs
     * @param seeds     seeds of the headline config; the first also seeds the seed-baseline and the re-run
     * @param selection the recipe sweep, run on validation before any reference run
     * @param threads   native threads of the reference runs (the sweep's are in its spec)
     * @param resamples bootstrap resamples of every interval
     * @param rerun     whether to re-run the first headline seed to check that its metrics repeat exactly
     */
    public record Settings(int inputSize, int epochs, List<Long> seeds, SweepSpec selection, int threads,
                           int resamples, boolean rerun) {

        /** Default headline seeds. */
        public static final List<Long> SEEDS = List.of(42L, 43L, 44L);
        /** Input size of the full profile: 64 px (the PyTorch anchor's best run was at 64 px). */
        public static final int FULL_SIZE = 64;
        /** Epochs of the full profile: about 10 minutes per run at 64 px on the 2-core machine. */
        public static final int FULL_EPOCHS = 30;

        public Settings {
            seeds = List.copyOf(seeds);
            Objects.requireNonNull(selection, "selection");
            if (seeds.isEmpty() || inputSize < 1 || epochs < 1 || threads < 1 || resamples < 1) {
                throw new IllegalArgumentException("need at least one seed and positive size, epochs, threads and "
                        + "resamples");
            }
            if (seeds.stream().distinct().count() != seeds.size()) {
                throw new IllegalArgumentException("seeds repeat: " + seeds);
            }
        }

        /** The full profile: 64 px, 30 epochs, seeds 42, 43, 44, the selection of {@code selection}. */
        public static Settings full(SweepSpec selection, int threads) {
            return new Settings(FULL_SIZE, FULL_EPOCHS, SEEDS, selection, threads, 2000, true);
        }
    }

    /**
     * What one reference run gave.
     *
     * @param name        run name
     * @param description what it shows
     * @param seed        its seed
     * @param headline    whether it is a seed of the headline config (else the seed-baseline)
     * @param closeness   test accuracy by closeness to training
     */
    public record Entry(String name, String description, long seed, boolean headline, Path runDir,
                        Manifest manifest, RunEvaluation leakageFree, ClosenessSplit closeness) {
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

    /**
     * Everything the results table is written from. {@code reproducibility} is null when no re-run was asked;
     * {@code summaries} are the headline metrics over the seeds.
     */
    public record Result(Settings settings, RecipeSelection selection, TrainConfig headlineConfig,
                         List<Entry> entries, List<SeedSummary> summaries, List<ReferencePair> pairs,
                         Reproducibility reproducibility, String shiftRun, List<ReferenceShift.Row> shift,
                         String dataFingerprint, double wallSeconds) {
        public Result {
            entries = List.copyOf(entries);
            summaries = List.copyOf(summaries);
            pairs = List.copyOf(pairs);
            shift = List.copyOf(shift);
        }

        /** The headline seeds' entries, in seed order. */
        public List<Entry> headline() {
            return entries.stream().filter(Entry::headline).toList();
        }
    }

    /** Headline metrics summarised over the seeds, with how each is read from an evaluation. */
    static final Map<String, Function<RunEvaluation, BootstrapInterval>> SUMMARISED = summarised();

    private final Path dataRoot;
    private final Path cacheDir;
    private final Path runsRoot;
    private Settings settings;
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

    /** Required: the sizes, seeds and selection spec. */
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

    /** The headline run name of a seed. */
    public static String headlineName(long seed) {
        return "ref-four-class-seed" + seed;
    }

    /** Runs (or reuses) everything and evaluates it. */
    public Result run() throws IOException {
        if (settings == null) {
            throw new IllegalStateException("withSettings is required");
        }
        long start = System.nanoTime();
        Settings s = settings;
        SweepSpec spec = s.selection();
        log.accept("recipe selection on validation: sweep " + spec.name() + ", " + spec.baseConfig().inputSize()
                + " px, " + spec.baseConfig().epochs() + " epochs per trial, ranked by validation "
                + spec.metric().id());
        SweepResult sweep = RecipeSelection.sweep(spec, dataRoot, cacheDir, runsRoot, listener, progress, stop, log);

        PreparedData data = PreparedData.prepare(dataRoot, cacheDir, AuditConfig.DEFAULT,
                SplitConfig.DEFAULT.withMode(SplitConfig.Mode.GROUPED_RESPLIT), Preprocessing.standard(s.inputSize()),
                progress);
        Map<String, Integer> clusters = data.clusterIds();
        RunEvaluator evaluator = RunEvaluator.create(s.resamples(), 7).withClusters(clusters);
        RecipeSelection selection = RecipeSelection.of(sweep, evaluator.bootstrap(), clusters);
        log.accept("chosen on validation: " + selection.chosenTrial() + " "
                + selection.chosenFactors());
        ExperimentRunner runner = ExperimentRunner.of(data, runsRoot).withListener(listener).withStopSignal(stop);
        Map<String, Double> nearest = nearestTraining(data.split());

        List<Entry> entries = new ArrayList<>();
        long first = s.seeds().get(0);
        ReferenceExperiment baseline = ReferenceExperiment.seedBaseline();
        log.accept(baseline.name() + ": " + baseline.description());
        Path baseDir = runner.trainOrReuse(baseline.config(s.inputSize(), s.epochs(), first, s.threads()));
        entries.add(evaluate(baseline.name(), baseline.description(), first, false, baseDir, data, evaluator,
                nearest));

        TrainConfig headlineConfig = null;
        Reproducibility repro = null;
        for (long seed : s.seeds()) {
            TrainConfig c = selection.headline(s.inputSize(), s.epochs(), seed, s.threads(), headlineName(seed));
            headlineConfig = headlineConfig == null ? c : headlineConfig;
            log.accept(c.runName() + ": the chosen recipe, four classes, seed " + seed);
            Path dir = runner.trainOrReuse(c);
            entries.add(evaluate(c.runName(), "the recipe chosen on validation, glioma / meningioma / pituitary / "
                    + "no tumour, seed " + seed, seed, true, dir, data, evaluator, nearest));
            if (s.rerun() && repro == null) {
                TrainConfig again = RecipeSelection.moved(c, s.inputSize(), s.epochs(), seed, s.threads(),
                        c.runName() + "-rerun");
                log.accept(again.runName() + ": the same config and seed again, to check the numbers repeat");
                Path dir2 = runner.trainOrReuse(again);
                EvaluationReport.of(evaluator).evaluateRun(dir2, dir2);
                repro = compare(dir, dir2);
                log.accept(repro.identicalExpected()
                        ? "same threads, oneDNN ISA, OpenBLAS kernels and libraries: bit-identical expected, "
                                + (repro.identical() ? "and identical" : "but it DIFFERS")
                        : "bit-identical not expected (" + String.join("; ", repro.contractDifferences())
                                + "): " + (repro.identical() ? "identical anyway" : "differs within tolerance?"));
            }
        }
        List<Entry> headline = entries.stream().filter(Entry::headline).toList();
        List<ReferencePair> pairs = ReferencePair.compute(
                headline.stream().map(e -> new ReferencePair.Run(e.name(), e.runDir())).toList(),
                new ReferencePair.Run(baseline.name(), baseDir));
        Entry shiftEntry = headline.get(0);
        log.accept("out-of-distribution check of " + shiftEntry.name() + ": phantoms and real Testing");
        List<ReferenceShift.Row> shift = ReferenceShift.check(shiftEntry.runDir(), dataRoot, runsRoot, cacheDir);
        return new Result(s, selection, headlineConfig, entries, summarise(headline), pairs, repro, shiftEntry.name(),
                shift, data.index().fingerprint(), (System.nanoTime() - start) / 1e9);
    }

    /** Each test image's highest thumbnail correlation with a training image, by image id. */
    private static Map<String, Double> nearestTraining(DataSplit split) {
        int[] test = split.indices(Subset.TEST);
        double[] r = TrainingSimilarity.nearestCorrelation(split, Subset.TEST, Subset.TRAIN);
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < test.length; i++) {
            out.put(split.index().get(test[i]).path(), r[i]);
        }
        return out;
    }

    private Entry evaluate(String name, String description, long seed, boolean headline, Path dir, PreparedData data,
                           RunEvaluator evaluator, Map<String, Double> nearest) throws IOException {
        RunEvaluation clean = EvaluationReport.of(evaluator).evaluateRun(dir, dir);
        Predictions test = Predictions.read(new RunFolder(dir).predictions());
        ClosenessSplit close = ClosenessSplit.of(test, nearest, TrainingSimilarity.CLOSE, data.clusterIds(),
                evaluator.bootstrap());
        FailureGallery.write(dir, data, headline ? Task.FOUR_CLASS : Task.BINARY);
        return new Entry(name, description, seed, headline, dir, Manifest.read(new RunFolder(dir).manifest()), clean,
                close);
    }

    /** The headline metrics over the seeds of {@code headline}. */
    static List<SeedSummary> summarise(List<Entry> headline) {
        List<Long> seeds = headline.stream().map(Entry::seed).toList();
        List<SeedSummary> out = new ArrayList<>();
        SUMMARISED.forEach((metric, read) -> out.add(SeedSummary.of(metric, seeds,
                headline.stream().map(e -> read.apply(e.leakageFree())).toList())));
        return List.copyOf(out);
    }

    private static Map<String, Function<RunEvaluation, BootstrapInterval>> summarised() {
        Map<String, Function<RunEvaluation, BootstrapInterval>> m = new java.util.LinkedHashMap<>();
        m.put("accuracy", e -> e.headline().get("accuracy"));
        m.put("balanced accuracy", e -> e.headline().get("balancedAccuracy"));
        m.put("macro F1", e -> e.headline().get("macroF1"));
        m.put("meningioma sensitivity", e -> e.perClass().stream()
                .filter(c -> c.className().equalsIgnoreCase("meningioma")).findFirst()
                .map(RunEvaluation.ClassFigures::sensitivity).orElse(null));
        m.put("tumour AUC", e -> e.headline().get("tumourAuc"));
        m.put("tumour sensitivity at the validation threshold", e -> e.operatingPoint() == null ? null
                : e.operatingPoint().testSensitivity());
        m.put("tumour specificity at the validation threshold", e -> e.operatingPoint() == null ? null
                : e.operatingPoint().testSpecificity());
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Compares two runs' test predictions and headline metrics exactly. */
    static Reproducibility compare(Path a, Path b) throws IOException {
        Predictions pa = Predictions.read(new RunFolder(a).predictions());
        Predictions pb = Predictions.read(new RunFolder(b).predictions());
        double max = pa.ids().equals(pb.ids()) ? 0 : Double.POSITIVE_INFINITY;
        double[][] qa = pa.probabilities();
        double[][] qb = pb.probabilities();
        for (int i = 0; i < Math.min(qa.length, qb.length) && Double.isFinite(max); i++) {
            for (int c = 0; c < qa[i].length; c++) {
                max = Math.max(max, Math.abs(qa[i][c] - qb[i][c]));
            }
        }
        RunEvaluation ea = RunEvaluation.read(a.resolve(RunFolder.metricsFile("")));
        RunEvaluation eb = RunEvaluation.read(b.resolve(RunFolder.metricsFile("")));
        List<String> differing = new ArrayList<>();
        ea.headline().forEach((k, v) -> {
            if (!v.equals(eb.headline().get(k))) {
                differing.add(k);
            }
        });
        List<String> contract = Manifest.read(new RunFolder(a).manifest())
                .contractDifferences(Manifest.read(new RunFolder(b).manifest()));
        return new Reproducibility(TrainConfig.read(new RunFolder(a).config()).runName(),
                TrainConfig.read(new RunFolder(b).config()).runName(), pa.size(), max, differing, contract);
    }
}
