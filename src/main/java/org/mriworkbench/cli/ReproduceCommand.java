package org.mriworkbench.cli;

import org.mriworkbench.experiment.RunFolder;
import org.mriworkbench.experiment.Profile;
import org.mriworkbench.experiment.Reproduction;
import org.mriworkbench.experiment.ResultsTable;
import org.mriworkbench.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code reproduce}: the reference experiments and the results table in one command, so that the README's figures
 * can be regenerated, and checked, by anyone with the data.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Run the reference experiments (imbalance selection on validation, four reference runs, a "
                + "re-run for reproducibility), evaluate them on both test sets and write RESULTS.md, model cards "
                + "and charts.",
                "Finished runs of the same config are reused; an interrupted one is resumed. Research and teaching "
                        + "only, not for diagnosis."})
final class ReproduceCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--runs", description = "runs folder (default: ${DEFAULT-VALUE})")
    Path runs = RunFolder.defaultRoot().resolve("reference");

    @Option(names = "--out", description = "where RESULTS.md, the model cards and charts go (default: ${DEFAULT-VALUE})")
    Path out = Path.of("docs", "reference-runs");

    @Option(names = "--size", description = "input size of the reference runs (default: ${DEFAULT-VALUE})")
    int size = Profile.FULL.inputSize();

    @Option(names = "--epochs", description = "epochs of the reference runs (default: ${DEFAULT-VALUE})")
    int epochs = Profile.FULL.epochs();

    @Option(names = "--selection-size", description = "input size of the imbalance selection (default: ${DEFAULT-VALUE})")
    int selectionSize = 64;

    @Option(names = "--selection-epochs", description = "epochs of the imbalance selection (default: ${DEFAULT-VALUE})")
    int selectionEpochs = 3;

    @Option(names = "--seed", description = "(default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--threads", description = "native threads (default: ${DEFAULT-VALUE})")
    int threads = TrainConfig.DEFAULT_THREADS;

    @Option(names = "--resamples", description = "bootstrap resamples (default: ${DEFAULT-VALUE})")
    int resamples = 2000;

    @Option(names = "--readme", description = "README whose reproduce markers get the summary table, if it has them "
            + "(default: ${DEFAULT-VALUE})")
    Path readme = Path.of("docs", "results.md");

    @Option(names = "--no-rerun", description = "skip the reproducibility re-run of the first experiment")
    boolean noRerun;

    @Override
    public Integer call() throws Exception {
        Path dataRoot = data.resolve().path();
        AtomicBoolean stop = new AtomicBoolean();
        TrainCommand.stopOnShutdown(stop);
        Reproduction.Settings settings = new Reproduction.Settings(size, epochs, selectionSize, selectionEpochs, seed,
                threads, resamples, !noRerun);
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
