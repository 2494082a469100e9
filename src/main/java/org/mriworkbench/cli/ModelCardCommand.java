package org.mriworkbench.cli;

import org.mriworkbench.report.ModelCard;
import org.mriworkbench.runeval.RunEvaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mriworkbench.experiment.RunFolder;

/**
 * {@code model-card}: a Markdown model card for a run, from the run folder alone, so that whoever receives a model
 * also receives what it is for, what its data cannot support and how to reproduce it.
 */
@Command(name = "model-card", mixinStandardHelpOptions = true,
        description = {"Write a Markdown model card for a run (intended use, data and its problems, training, "
                + "metrics with 95%% CIs, failure modes, how to reproduce).",
                "Research and teaching only, not for diagnosis."})
final class ModelCardCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR", description = "a run folder")
    Path runDir;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write the card (default: RUN_DIR/"
            + RunFolder.MODEL_CARD_FILE + ")")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException("no run folder at " + runDir);
        }
        Path file = out != null ? out : new RunFolder(runDir).modelCard();
        ModelCard.write(runDir, file);
        if (!Files.isRegularFile(new RunFolder(runDir).metrics(""))) {
            System.err.println("note: " + runDir + " has no metrics.json, so the card has no test figures; run "
                    + "`evaluate " + runDir + "` first");
        }
        System.out.println("wrote " + file);
        return 0;
    }
}
