package org.mriworkbench.shift;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mriworkbench.data.AuditReport;
import org.mriworkbench.data.DataSplit;
import org.mriworkbench.data.DatasetIndex;
import org.mriworkbench.data.DatasetSplitter;
import org.mriworkbench.data.DuplicateAudit;
import org.mriworkbench.decode.ImageDecodeException;
import org.mriworkbench.decode.ImageDecoder;
import org.mriworkbench.data.ImageIntensity;
import org.mriworkbench.core.Label;
import org.mriworkbench.data.Subset;
import org.mriworkbench.data.Task;
import org.mriworkbench.eval.ConfidenceSummary;
import org.mriworkbench.eval.KolmogorovSmirnov;
import org.mriworkbench.predict.ImagePredictor.ImagePrediction;
import org.mriworkbench.experiment.ExperimentRunner;
import org.mriworkbench.predict.ImagePredictor;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.experiment.RunData;
import org.mriworkbench.runeval.RunEvaluation;
import org.mriworkbench.runeval.RunEvaluator;
import org.mriworkbench.experiment.RunFolder;

/**
 * Out-of-distribution (dataset-shift) check: is a new folder of slices like the images a model was trained on? A
 * model's test figures hold only for images from the distribution it was tested on; slices from another scanner,
 * sequence or export tool can look alike to a person and still be foreign to the network. The check compares, with
 * no labels needed, (a) the raw grayscale intensity statistics of the new images with those of the run's own
 * training images and (b) the model's confidence on them with its confidence on its own test set; where the folder
 * has labels it also (c) scores the model there. {@link ShiftVerdict} turns (a) and (b) into one line.
 *
 * <p>Predictions go through {@link ImagePredictor}, so the run's own preprocessing is applied. Files that cannot be
 * decoded are reported in {@link ShiftReport#skipped()} and left out, never fatal. Research and teaching only.
 *
 * <pre>{@code
 * ShiftReport r = ShiftCheck.forRun(runDir).run(Path.of("other-hospital"));
 * System.out.println(r.verdict().line());
 * }</pre>
 */
public final class ShiftCheck {

    /** Reference images decoded at most, drawn at random (seeded) from the training images. */
    public static final int DEFAULT_REFERENCE_LIMIT = 1000;

    private final ImagePredictor predictor;
    private final Path runDir;
    private final Path reference;
    private final int referenceLimit;
    private final Path scanCache;
    private final int resamples;
    private final long seed;

    private ShiftCheck(ImagePredictor predictor, Path runDir, Path reference, int referenceLimit, Path scanCache,
                       int resamples, long seed) {
        this.predictor = predictor;
        this.runDir = runDir;
        this.reference = reference;
        this.referenceLimit = referenceLimit;
        this.scanCache = scanCache;
        this.resamples = resamples;
        this.seed = seed;
    }

    /** A check of a run's kept model against the run's own training images and test predictions. */
    public static ShiftCheck forRun(Path runDir) throws IOException {
        return new ShiftCheck(ImagePredictor.forRun(runDir), runDir, null, DEFAULT_REFERENCE_LIMIT, null, 2000, 7);
    }

    /** A check of a bare model file; it needs {@link #withReference} since nothing records its training data. */
    public static ShiftCheck forModel(Path modelFile, Task task, int size) throws IOException {
        return new ShiftCheck(ImagePredictor.forModel(modelFile, task, size), null, null, DEFAULT_REFERENCE_LIMIT,
                null, 2000, 7);
    }

    /**
     * Compares with the images in {@code dir} instead of the run's recorded data folder. When {@code dir} holds
     * exactly the run's data (same fingerprint), only its training subset is used; otherwise all its images.
     */
    public ShiftCheck withReference(Path dir) {
        return new ShiftCheck(predictor, runDir, dir, referenceLimit, scanCache, resamples, seed);
    }

    /** Decodes at most {@code n} reference images (0 for all); default {@value #DEFAULT_REFERENCE_LIMIT}. */
    public ShiftCheck withReferenceLimit(int n) {
        return new ShiftCheck(predictor, runDir, reference, n, scanCache, resamples, seed);
    }

    /** Keeps scans of labelled folders in {@code dir} (the scanner's cache), so a second check only lists them. */
    public ShiftCheck withScanCache(Path dir) {
        return new ShiftCheck(predictor, runDir, reference, referenceLimit, dir, resamples, seed);
    }

    /** Bootstrap resamples and the seed shared by the bootstrap and the reference sample; default 2000 and 7. */
    public ShiftCheck withBootstrap(int resamples, long seed) {
        return new ShiftCheck(predictor, runDir, reference, referenceLimit, scanCache, resamples, seed);
    }

    /** The model's task. */
    public Task task() {
        return predictor.task();
    }

    /** Checks {@code folder}. */
    public ShiftReport run(Path folder) throws IOException {
        ImageFolder target = ImageFolder.read(folder, scanCache);
        List<String> skipped = new ArrayList<>(target.skipped());
        List<String> notes = new ArrayList<>();
        Measured measured = measure(target.files(), skipped);
        ImagePredictor.Result predicted = predictor.predict(measured.files());
        skipped.addAll(predicted.skipped());
        Map<Path, ImagePrediction> byFile = new HashMap<>();
        predicted.predictions().forEach(p -> byFile.put(p.file(), p));
        List<ShiftReport.ImageResult> images = new ArrayList<>();
        for (int i = 0; i < measured.files().size(); i++) {
            Path f = measured.files().get(i);
            if (byFile.containsKey(f)) {
                Optional<Label> label = target.labelled()
                        ? Optional.of(target.labels().get(measured.positions().get(i))) : Optional.empty();
                images.add(new ShiftReport.ImageResult(f, label, byFile.get(f), measured.intensities().get(i)));
            }
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no readable image in " + folder + " (" + skipped.size()
                    + " skipped" + (skipped.isEmpty() ? "" : "; first: " + skipped.get(0)) + ")");
        }

        Reference ref = referenceImages(notes);
        List<String> refSkipped = new ArrayList<>();
        Measured refMeasured = measure(ref.images().files(), refSkipped);
        if (!refSkipped.isEmpty()) {
            notes.add(refSkipped.size() + " reference files could not be decoded (first: " + refSkipped.get(0) + ")");
        }
        List<ShiftReport.IntensityTest> tests = intensityTests(images, refMeasured.intensities());

        double[] conf = images.stream().mapToDouble(ShiftReport.ImageResult::confidence).toArray();
        String confRef;
        double[] refConf;
        Path testPredictions = runDir == null ? null : new RunFolder(runDir).predictions();
        if (testPredictions != null && Files.isRegularFile(testPredictions)) {
            Predictions p = Predictions.read(testPredictions);
            refConf = ConfidenceSummary.maxProbabilities(p.probabilities());
            confRef = "the run's own test predictions (predictions.csv, n = " + p.size() + ")";
        } else {
            ImagePredictor.Result r = predictor.predict(refMeasured.files());
            refConf = ConfidenceSummary.maxProbabilities(
                    r.predictions().stream().map(ImagePrediction::probabilities).toArray(double[][]::new));
            confRef = "the model on the reference images (n = " + refConf.length + "; some may have been trained on, "
                    + "so it is optimistic)";
        }
        ConfidenceSummary here = ConfidenceSummary.ofConfidences(conf, ConfidenceSummary.DEFAULT_THRESHOLD);
        ConfidenceSummary there = ConfidenceSummary.ofConfidences(refConf, ConfidenceSummary.DEFAULT_THRESHOLD);

        ShiftReport.IntensityTest worst = null;
        for (ShiftReport.IntensityTest t : tests) {
            if (!Double.isNaN(t.ks().statistic()) && (worst == null || t.ks().statistic() > worst.ks().statistic())) {
                worst = t;
            }
        }
        ShiftVerdict verdict = worst == null
                ? ShiftVerdict.of(Double.NaN, Double.NaN, "none", here.mean(), there.mean())
                : ShiftVerdict.of(worst.ks().statistic(), worst.ks().pValue(), worst.statistic(), here.mean(),
                there.mean());
        return new ShiftReport(target.root(), ref.description(), confRef, images, refMeasured.intensities(), tests,
                here, there, Arrays.stream(refConf).boxed().toList(), KolmogorovSmirnov.twoSample(conf,
                refConf), evaluate(target.root(), images, notes), skipped, notes, verdict);
    }

    /** Decoded files, their positions in the input list, and their statistics. */
    private record Measured(List<Path> files, List<Integer> positions, List<ImageIntensity> intensities) {
    }

    private static Measured measure(List<Path> files, List<String> skipped) {
        List<Path> ok = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<ImageIntensity> stats = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            try {
                stats.add(ImageIntensity.of(ImageDecoder.decodeGray(f).image()));
                ok.add(f);
                positions.add(i);
            } catch (ImageDecodeException e) {
                skipped.add(f + ": " + e.reason());
            } catch (RuntimeException e) {
                skipped.add(f + ": " + e);
            }
        }
        return new Measured(ok, positions, stats);
    }

    private static List<ShiftReport.IntensityTest> intensityTests(List<ShiftReport.ImageResult> images,
                                                                  List<ImageIntensity> reference) {
        List<ShiftReport.IntensityTest> out = new ArrayList<>();
        for (int s = 0; s < ImageIntensity.STATISTICS.size(); s++) {
            final int k = s;
            double[] a = images.stream().mapToDouble(r -> r.intensity().values()[k]).toArray();
            double[] b = reference.stream().mapToDouble(r -> r.values()[k]).toArray();
            out.add(new ShiftReport.IntensityTest(ImageIntensity.STATISTICS.get(s), mean(a), mean(b),
                    KolmogorovSmirnov.twoSample(a, b)));
        }
        return out;
    }

    private static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).average().orElse(Double.NaN);
    }

    /** The reference images and what they are, in words. */
    private record Reference(ImageFolder images, String description) {
    }

    private Reference referenceImages(List<String> notes) throws IOException {
        Optional<RunData> data = runDir != null && Files.isRegularFile(new RunFolder(runDir).data())
                ? Optional.of(RunData.read(runDir)) : Optional.empty();
        if (reference == null && data.isEmpty()) {
            throw new IllegalArgumentException("nothing records this model's training data (no run folder with "
                    + "data.json): give a folder of training-like images as the reference");
        }
        Path root = reference != null ? reference : data.get().dataRoot();
        ImageFolder all = ImageFolder.read(root, scanCache);
        Optional<DatasetIndex> index = all.index();
        ImageFolder chosen;
        String what;
        if (data.isPresent() && index.isPresent()
                && index.get().fingerprint().equals(data.get().datasetFingerprint())) {
            RunData d = data.get();
            AuditReport audit = DuplicateAudit.run(index.get(), d.audit());
            DataSplit split = DatasetSplitter.split(index.get(), audit, d.split());
            chosen = all.subset(split.indices(Subset.TRAIN));
            what = "the run's training subset (" + chosen.size() + " images of " + all.root() + ", "
                    + d.split().mode().id() + " split, seed "
                    + d.split().seed() + ")";
        } else {
            if (data.isPresent()) {
                notes.add("the images in " + all.root() + " are not the data the run was trained on (fingerprint "
                        + index.map(DatasetIndex::fingerprint).orElse("unavailable: not a labelled layout") + " vs "
                        + data.get().datasetFingerprint() + "), so all of them stand in for its training images");
            }
            chosen = all;
            what = "all " + all.size() + " images of " + all.root();
        }
        ImageFolder sample = chosen.sample(referenceLimit, seed);
        if (sample.size() < chosen.size()) {
            what += ", a random sample of " + sample.size() + " (seed " + seed + ")";
        }
        return new Reference(sample, what);
    }

    private Optional<RunEvaluation> evaluate(Path folder, List<ShiftReport.ImageResult> images, List<String> notes)
            throws IOException {
        Task task = predictor.task();
        List<String> ids = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<double[]> probs = new ArrayList<>();
        int unusable = 0;
        for (ShiftReport.ImageResult r : images) {
            if (r.label().isEmpty()) {
                continue;
            }
            int c = task.classIndex(r.label().get());
            if (c < 0) {
                unusable++;
                continue;
            }
            ids.add(folder.relativize(r.file()).toString().replace('\\', '/'));
            labels.add(c);
            probs.add(r.prediction().probabilities());
        }
        if (unusable > 0) {
            notes.add(unusable + " images carry a label the " + task + " task cannot score; left out of the metrics");
        }
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Predictions p = Predictions.of(task.classNames(), ids, labels.stream().mapToInt(Integer::intValue).toArray(),
                probs.toArray(double[][]::new));
        Path valFile = runDir == null ? null : new RunFolder(runDir).validationPredictions();
        Predictions val = valFile != null && Files.isRegularFile(valFile) ? Predictions.read(valFile) : null;
        return Optional.of(RunEvaluator.create(resamples, seed).evaluate(folder.getFileName().toString(), task.name(),
                "new-folder", p, val));
    }
}
