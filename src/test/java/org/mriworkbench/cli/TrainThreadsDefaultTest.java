package org.mriworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mriworkbench.data.Task;
import org.mriworkbench.experiment.Profile;
import org.mriworkbench.train.TrainConfig;
import picocli.CommandLine;

/**
 * Threads are part of a config's identity, so the command line, notebooks (via {@link Profile}) and the library
 * must agree on the default; an explicit {@code --threads} still wins (docs/determinism.md, "One thread default").
 */
class TrainThreadsDefaultTest {

    private static TrainConfig fromCommandLine(String... args) {
        TrainCommand.Train train = new TrainCommand.Train();
        new CommandLine(train).parseArgs(args);
        return train.fromFlags();
    }

    @Test
    void theCommandLinesDefaultConfigHasTrainConfigsDefaultThreads() {
        TrainConfig cli = fromCommandLine();
        TrainConfig library = TrainConfig.builder().setTask(cli.task()).setPreset(cli.preset())
                .setInputSize(cli.inputSize()).setSeed(cli.seed()).setEpochs(cli.epochs()).build();
        assertEquals(library.threads(), cli.threads());
        assertEquals(TrainConfig.DEFAULT_THREADS, cli.threads());
        assertEquals(cli.threads(), Profile.TEACH.recipe(Task.BINARY, "r").build().threads(),
                "a notebook's config has the same thread count as the command line's");
    }

    @Test
    void anExplicitThreadCountIsKept() {
        int other = TrainConfig.DEFAULT_THREADS + 1;
        assertEquals(other, fromCommandLine("--threads", String.valueOf(other)).threads());
    }

    @Test
    void theDefaultDoesNotFollowTheMachinesCoreCount() throws IOException, InterruptedException {
        // the old default was "all cores", which on a machine with DEFAULT_THREADS cores looked right; a child JVM
        // that sees another core count tells the two apart
        int cores = TrainConfig.DEFAULT_THREADS + 3;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:ActiveProcessorCount=" + cores, "-cp",
                System.getProperty("java.class.path"), TrainThreadsDefaultTest.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), out);
        assertTrue(out.contains("cores=" + cores + " "), out);
        assertTrue(out.contains("threads=" + TrainConfig.DEFAULT_THREADS + "\n"), out);
    }

    /** Prints the core count this JVM sees and the command line's default thread count. */
    public static void main(String[] args) {
        System.out.print("cores=" + Runtime.getRuntime().availableProcessors() + " threads="
                + fromCommandLine().threads() + "\n");
    }
}
