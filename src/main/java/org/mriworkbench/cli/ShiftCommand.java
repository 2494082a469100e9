package org.mriworkbench.cli;

import org.mriworkbench.data.Task;
import org.mriworkbench.eval.ConfidenceSummary;
import org.mriworkbench.eval.KolmogorovSmirnov;
import org.mriworkbench.shift.ShiftCheck;
import org.mriworkbench.shift.ShiftFiles;
import org.mriworkbench.shift.ShiftReport;
import org.mriworkbench.shift.ShiftVerdict;
import org.mriworkbench.train.Checkpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mriworkbench.experiment.RunFolder;

/**
 * {@code shift}: is a new folder of slices like the images a model was trained on? Prints intensity statistics
 * against the training images, the model's confidence against its own test set, metrics where the folder has labels,
 * and a one-line verdict; see {@link ShiftCheck} and, for the thresholds, {@link ShiftVerdict}.
 */
@Command(name = "shift", mixinStandardHelpOptions = true,
        description = {"Dataset-shift check: raw intensity statistics of FOLDER vs the run's training images (KS "
                + "test), the model's confidence there vs on its own test set, metrics if FOLDER has class folders, "
                + "and a verdict.",
                "Verdict: the worse of intensity (largest KS D over per-image statistics, p < 0.01: >= 0.5 LARGE, "
                        + ">= 0.2 MODERATE) and confidence (change in mean: >= 0.15 LARGE, >= 0.05 MODERATE).",
                "Research and teaching only, not for diagnosis."})
final class ShiftCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_OR_MODEL",
            description = "a run folder (or the model.zip in one), or a bare model .zip with --size, --task and "
                    + "--reference")
    Path model;

    @Parameters(index = "1", paramLabel = "FOLDER", description = "images in class folders, in Training/Testing "
            + "layout, or unlabelled (searched recursively for .jpg/.jpeg/.png)")
    Path folder;

    @Option(names = "--reference", paramLabel = "DIR", description = "training-like images to compare with "
            + "(default: the run's recorded data folder, training subset)")
    Path reference;

    @Option(names = "--reference-limit", paramLabel = "N", description = "decode at most N reference images, drawn "
            + "at random (default: ${DEFAULT-VALUE}; 0 for all)")
    int referenceLimit = ShiftCheck.DEFAULT_REFERENCE_LIMIT;

    @Option(names = "--csv", paramLabel = "FILE", description = "write one row per image, and the confidence and "
            + "intensity histograms as PNG next to it")
    Path csv;

    @Option(names = "--size", description = "input size for a bare model file (standard preprocessing)")
    Integer size;

    @Option(names = "--task", description = "binary or four-class, for a bare model file")
    String task;

    @Option(names = "--resamples", description = "bootstrap resamples for the metrics (default: ${DEFAULT-VALUE})")
    int resamples = 2000;

    @Option(names = "--cache", paramLabel = "DIR", description = "scan cache folder (default: ${DEFAULT-VALUE})")
    Path cache = Path.of(".cache");

    @Override
    public Integer call() throws Exception {
        ShiftCheck check = checkFor(model);
        if (reference != null) {
            check = check.withReference(reference);
        }
        check = check.withReferenceLimit(referenceLimit).withScanCache(cache.resolve("index"))
                .withBootstrap(resamples, 7);
        ShiftReport r = check.run(folder);
        for (String s : r.skipped()) {
            System.err.println("skipped " + s);
        }
        print(r);
        if (csv != null) {
            System.out.println("wrote " + ShiftFiles.write(r, check.task().classNames(), csv).stream()
                    .map(Path::toString).collect(Collectors.joining(", ")));
        }
        System.out.println(r.verdict().line());
        return 0;
    }

    private ShiftCheck checkFor(Path m) throws Exception {
        if (Files.isDirectory(m)) {
            return ShiftCheck.forRun(m);
        }
        Path parent = m.toAbsolutePath().getParent();
        boolean inRun = parent != null && Files.isRegularFile(new RunFolder(parent).config())
                && m.getFileName().toString().equals(Checkpoints.MODEL_FILE);
        if (size == null && task == null && inRun) {
            return ShiftCheck.forRun(parent);
        }
        if (size == null || task == null || reference == null) {
            throw new IllegalArgumentException("a bare model file (" + m + ") needs --size, --task and --reference; "
                    + "a run folder brings all three");
        }
        return ShiftCheck.forModel(m, Task.parse(task), size);
    }

    static void print(ShiftReport r) {
        long labelled = r.images().stream().filter(i -> i.label().isPresent()).count();
        System.out.printf("folder: %s (%d images%s, %d skipped)%n", r.folder(), r.images().size(),
                labelled > 0 ? ", labelled" : ", no labels", r.skipped().size());
        System.out.println("reference: " + r.reference());
        System.out.println();
        System.out.println("raw grayscale intensity, per image (averaged over images), new folder vs reference:");
        System.out.printf("  %-12s %11s %11s %8s %9s%n", "statistic", "new folder", "reference", "KS D", "p");
        for (ShiftReport.IntensityTest t : r.intensityTests()) {
            System.out.printf(Locale.ROOT, "  %-12s %11.4f %11.4f %8.3f %9s%n", t.statistic(), t.folderMean(),
                    t.referenceMean(), t.ks().statistic(), p(t.ks()));
        }
        System.out.println("  image sizes: new folder " + sizes(ShiftReport.sizes(r.intensities())) + "; reference "
                + sizes(ShiftReport.sizes(r.referenceIntensities())));
        System.out.println();
        ConfidenceSummary a = r.confidence();
        ConfidenceSummary b = r.referenceConfidence();
        System.out.println("model confidence (largest softmax probability), new folder vs reference:");
        System.out.printf("  %-22s %11s %11s%n", "", "new folder", "reference");
        row("images", a.n(), b.n());
        row("mean", a.mean(), b.mean());
        row("5th percentile", a.p05(), b.p05());
        row("quartile 1", a.p25(), b.p25());
        row("median", a.median(), b.median());
        row("quartile 3", a.p75(), b.p75());
        row("95th percentile", a.p95(), b.p95());
        row(String.format(Locale.ROOT, "share below %.1f", a.threshold()), a.fractionBelow(), b.fractionBelow());
        System.out.printf(Locale.ROOT, "  KS D %.3f, p %s; reference: %s%n", r.confidenceTest().statistic(),
                p(r.confidenceTest()), r.confidenceReference());
        System.out.println();
        if (r.evaluation().isPresent()) {
            System.out.println("metrics on the folder's labels:");
            EvaluateCommand.print(r.evaluation().get());
            System.out.println();
        } else {
            System.out.println("metrics: none (the folder has no class folders)");
        }
        for (String n : r.notes()) {
            System.out.println("note: " + n);
        }
        System.out.printf(Locale.ROOT, "thresholds: intensity KS D >= %.2f LARGE, >= %.2f MODERATE (with p < %.2f); "
                        + "mean confidence change >= %.2f LARGE, >= %.2f MODERATE%n", ShiftVerdict.KS_LARGE,
                ShiftVerdict.KS_MODERATE, ShiftVerdict.KS_ALPHA, ShiftVerdict.CONFIDENCE_LARGE,
                ShiftVerdict.CONFIDENCE_MODERATE);
    }

    private static void row(String name, double a, double b) {
        System.out.printf(Locale.ROOT, "  %-22s %11.4f %11.4f%n", name, a, b);
    }

    private static void row(String name, int a, int b) {
        System.out.printf(Locale.ROOT, "  %-22s %11d %11d%n", name, a, b);
    }

    private static String p(KolmogorovSmirnov ks) {
        double p = ks.pValue();
        return Double.isNaN(p) ? "n/a" : p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String sizes(Map<String, Long> sizes) {
        List<String> parts = sizes.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                .limit(5).map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        return String.join(", ", parts) + (sizes.size() > 5 ? ", ... " + sizes.size() + " sizes" : "");
    }
}
