package org.mriworkbench.cli;

import org.mriworkbench.experiment.RunFolder;
import org.mriworkbench.experiment.RunRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code runs}: every recorded run under a runs folder as one table, optionally saved as CSV. */
@Command(name = "runs", description = "List recorded runs: config, progress, test metrics and provenance.",
        mixinStandardHelpOptions = true)
final class RunsCommand implements Callable<Integer> {

    @Option(names = "--runs", paramLabel = "DIR", description = "runs folder (default: ${DEFAULT-VALUE})")
    Path runs = RunFolder.defaultRoot();

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the table as CSV")
    Path csv;

    @Override
    public Integer call() throws Exception {
        RunRegistry.Listing l = RunRegistry.scan(runs);
        for (String s : l.skipped()) {
            System.err.println("skipped " + s);
        }
        if (l.table().rowCount() == 0) {
            System.out.println("no runs under " + runs.toAbsolutePath());
        } else {
            System.out.println(l.table().printAll());
        }
        if (csv != null) {
            if (csv.toAbsolutePath().getParent() != null) {
                java.nio.file.Files.createDirectories(csv.toAbsolutePath().getParent());
            }
            l.table().write().csv(csv.toFile());
            System.out.println("wrote " + csv);
        }
        return 0;
    }
}
