package org.mriworkbench.cli;

import org.mriworkbench.experiment.RunFolder;
import org.mriworkbench.reproduce.Reproduction;
import org.mriworkbench.reproduce.ResultsTable;
import org.mriworkbench.sweep.SweepSpec;
import org.mriworkbench.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code reproduce}: the reference recipe, chosen on validation, and the results table in one command, so that the
 * README's figures can be regenerated, and checked, by anyone with the data.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Regenerate the reference results from the data alone, in one resumable run:",
                "",
                "  1. choose the training recipe by a sweep on validation only (--selection-spec)",
                "  2. train that recipe on four classes once per seed (--seeds), and the",
                "     tutorial seed-baseline (binary)",
                "  3. evaluate on the leakage-free test set: mean \u00b1 sd over seeds, cluster-",
                "     bootstrap intervals, tumour detection from the four-class models, accuracy",
                "     by closeness to training, paired tests (McNemar, DeLong)",
                "  4. re-run the first seed: the numbers must repeat bit for bit",
                "  5. check out-of-distribution data (phantoms, the official Testing folder)",
                "  6. write RESULTS.md, model cards with their configs, charts (--out), and the",
                "     summary between the reproduce markers of --readme",
                "",
                "Finished runs of the same config and data are reused and an interrupted one is",
                "resumed, so stopping loses at most one epoch. The defaults take about 75 minutes",
                "on 2 cores. Research and teaching only, not for diagnosis.",
                ""})
final class ReproduceCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--runs", paramLabel = "DIR", description = "runs folder; the selection sweep goes to "
            + "DIR/sweeps/ (default: ${DEFAULT-VALUE})")
    Path runs = RunFolder.defaultRoot().resolve("reference");

    @Option(names = "--out", paramLabel = "DIR", description = "where RESULTS.md, the model cards, their configs and "
            + "charts go (default: ${DEFAULT-VALUE})")
    Path out = Path.of("docs", "reference-runs");

    @Option(names = "--selection-spec", paramLabel = "FILE", description = "sweep spec of the recipe selection: "
            + "base config, factors, trials, validation metric (default: ${DEFAULT-VALUE})")
    Path selectionSpec = Reproduction.SELECTION_SPEC;

    @Option(names = "--size", paramLabel = "PX", description = "input size of the reference runs "
            + "(default: ${DEFAULT-VALUE})")
    int size = Reproduction.Settings.FULL_SIZE;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs of the reference runs (default: "
            + "${DEFAULT-VALUE})")
    int epochs = Reproduction.Settings.FULL_EPOCHS;

    @Option(names = "--seeds", paramLabel = "S", split = ",", description = "seeds of the headline config, "
            + "comma-separated; the first also seeds the seed-baseline and the re-run (default: 42,43,44)")
    List<Long> seeds = new java.util.ArrayList<>(Reproduction.Settings.SEEDS);

    @Option(names = "--threads", paramLabel = "N", description = "native threads of the reference runs "
            + "(default: ${DEFAULT-VALUE})")
    int threads = TrainConfig.DEFAULT_THREADS;

    @Option(names = "--resamples", paramLabel = "N", description = "bootstrap resamples (default: ${DEFAULT-VALUE})")
    int resamples = 2000;

    @Option(names = "--readme", paramLabel = "FILE", description = "Markdown file whose reproduce markers get the "
            + "summary table, if it has them (default: ${DEFAULT-VALUE})")
    Path readme = Path.of("docs", "results.md");

    @Option(names = "--no-rerun", description = "skip the reproducibility re-run of the first seed")
    boolean noRerun;

    @Override
    public Integer call() throws Exception {
        Path dataRoot = data.resolve().path();
        SweepSpec spec = SweepSpec.read(selectionSpec);
        AtomicBoolean stop = new AtomicBoolean();
        TrainCommand.stopOnShutdown(stop);
        Reproduction.Settings settings = new Reproduction.Settings(size, epochs, seeds, spec, threads, resamples,
                !noRerun);
        Reproduction.Result result = Reproduction.of(dataRoot, data.cacheDir(), runs).withSettings(settings)
                .withListener(TrainCommand.consoleListener()).withStopSignal(stop::get)
                .withProgress(ProgressBar.onStderr()).withLog(line -> System.out.println("== " + line)).run();
        Path file = ResultsTable.write(result, out);
        System.out.println(ResultsTable.render(result));
        if (Files.isRegularFile(readme) && ResultsTable.updateReadme(result, readme, file)) {
            System.out.println("updated the results section of " + readme);
        }
        System.out.printf("wrote %s, %d model cards and charts; %.1f min%n", file.toAbsolutePath(),
                result.entries().size(), result.wallSeconds() / 60);
        return 0;
    }
}
