package org.mriworkbench.cli;

import org.mriworkbench.data.Task;
import org.mriworkbench.eval.Bootstrap;
import org.mriworkbench.eval.BootstrapInterval;
import org.mriworkbench.eval.PairedComparison;
import org.mriworkbench.runeval.RunComparison;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.experiment.PreparedData;
import org.mriworkbench.runeval.RunEvaluation;
import org.mriworkbench.runeval.RunEvaluator;
import org.mriworkbench.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mriworkbench.experiment.RunFolder;
import org.mriworkbench.report.EvaluationReport;

/** {@code evaluate} and {@code compare}: numbers with intervals, and whether run A really beats run B. */
final class EvaluateCommand {

    private EvaluateCommand() {
    }

    static void print(RunEvaluation e) {
        System.out.printf("%s on the %s test set (n=%d), 95%% bootstrap intervals (%d resamples, seed %d):%n",
                e.run(), e.testSet(), e.n(), e.bootstrapResamples(), e.bootstrapSeed());
        for (Map.Entry<String, BootstrapInterval> h : e.headline().entrySet()) {
            System.out.printf("  %-18s %s%n", h.getKey(), fmt(h.getValue()));
        }
        for (RunEvaluation.ClassFigures c : e.perClass()) {
            System.out.printf("  %-11s n=%-4d sensitivity %s  specificity %s%n", c.className(), c.support(),
                    fmt(c.sensitivity()), fmt(c.specificity()));
        }
        if (e.operatingPoint() != null) {
            var op = e.operatingPoint();
            System.out.printf("  operating point: threshold %.4f on P(tumour) for validation sensitivity >= %.2f "
                            + "(validation %.3f / %.3f); test sensitivity %s, specificity %s%n", op.threshold(),
                    op.targetSensitivity(), op.validationSensitivity(), op.validationSpecificity(),
                    fmt(op.testSensitivity()), fmt(op.testSpecificity()));
        }
        if (e.calibration() != null) {
            System.out.printf("  calibration: ECE %.4f -> %.4f after temperature scaling (T = %.3f, fitted on validation)%n",
                    e.calibration().eceBefore(), e.calibration().eceAfter(), e.calibration().temperature());
        }
    }

    static String fmt(BootstrapInterval b) {
        return String.format("%.4f [%.4f, %.4f]", b.estimate(), b.lower(), b.upper());
    }

    @Command(name = "evaluate", description = "Metrics with bootstrap CIs and charts for a run; writes metrics.json.",
            mixinStandardHelpOptions = true)
    static final class Evaluate implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Parameters(paramLabel = "RUN_DIR")
        Path runDir;

        @Option(names = "--test", description = "leakage-free (the run's own test subset, default) or official "
                + "(the official Testing folder, leaked copies included)")
        String test = "leakage-free";

        @Option(names = "--resamples", description = "bootstrap resamples (default: ${DEFAULT-VALUE})")
        int resamples = 2000;

        @Option(names = "--seed", description = "bootstrap seed (default: ${DEFAULT-VALUE})")
        long seed = 7;

        @Option(names = "--per-image", description = "resample single images even when the run kept its test "
                + "set's duplicate clusters (test-clusters.csv); by default whole clusters are resampled")
        boolean perImage;

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(runDir)) {
                throw new IllegalArgumentException("no run folder at " + runDir);
            }
            EvaluationReport report = EvaluationReport.of(perImage ? RunEvaluator.create(resamples, seed).perImage()
                    : RunEvaluator.create(resamples, seed));
            RunEvaluation e;
            if (test.equals("leakage-free")) {
                e = report.evaluateRun(runDir, runDir);
            } else if (test.equals("official")) {
                TrainConfig cfg = TrainConfig.read(new RunFolder(runDir).config());
                PreparedData prepared = PreparedData.forRun(runDir, data.data, data.cacheDir(), ProgressBar.onStderr());
                Task task = cfg.task();
                e = report.evaluateOfficial(runDir, task, EvaluationReport.officialPredictions(prepared, runDir, task));
            } else {
                throw new IllegalArgumentException("--test must be leakage-free or official, not " + test);
            }
            print(e);
            if (RunEvaluation.CLUSTERS.equals(e.resampling())) {
                System.out.println("intervals resample duplicate clusters; per-image accuracy interval for comparison: "
                        + e.accuracyPerImage().format());
            }
            String suffix = test.equals("official") ? RunFolder.OFFICIAL_SUFFIX : "";
            System.out.println("wrote " + RunFolder.metricsFile(suffix) + " and charts to "
                    + runDir.toAbsolutePath());
            return 0;
        }
    }

    @Command(name = "compare", description = "Paired comparison of two runs on the same test images "
            + "(McNemar, DeLong, paired bootstrap).", mixinStandardHelpOptions = true)
    static final class Compare implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RUN_A")
        Path a;

        @Parameters(index = "1", paramLabel = "RUN_B")
        Path b;

        @Option(names = "--resamples", description = "bootstrap resamples (default: ${DEFAULT-VALUE})")
        int resamples = 2000;

        @Override
        public Integer call() throws Exception {
            Predictions pa = Predictions.read(new RunFolder(a).predictions());
            Predictions pb = Predictions.read(new RunFolder(b).predictions());
            RunComparison c = RunComparison.of("A", pa, "B", pb, Bootstrap.withSeed(7).withResamples(resamples));
            System.out.printf("A = %s%nB = %s%n%d paired test images%n", a.getFileName(), b.getFileName(), c.n());
            print("tumour AUC (DeLong)", c.tumourAuc());
            if (c.accuracy() != null) {
                print("accuracy (McNemar)", c.accuracy());
                print("accuracy (paired bootstrap)", c.accuracyBootstrap());
            } else {
                System.out.println("accuracy not compared: the runs have different tasks (" + pa.classNames().size()
                        + " vs " + pb.classNames().size() + " classes); only the tumour-detection view is comparable");
            }
            return 0;
        }

        private static void print(String what, PairedComparison c) {
            System.out.printf("%-28s A %.4f  B %.4f  difference %+.4f [%.4f, %.4f]  p = %.4g%s%n", what,
                    c.estimateA(), c.estimateB(), c.difference(), c.lower(), c.upper(), c.pValue(),
                    c.note() == null || c.note().isEmpty() ? "" : "  (" + c.note() + ")");
        }
    }
}
