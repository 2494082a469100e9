package org.mriworkbench.cli;

import org.mriworkbench.train.PhysicalMemoryProbe;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code mri-workbench.jar}. Subcommands mirror the pipeline stages, so that everything a notebook
 * does can also be run, scripted and timed without one.
 */
@Command(name = "mri-workbench", mixinStandardHelpOptions = true, version = "MRI Workbench 0.1.0",
        description = "Brain-tumour MRI research and teaching workbench. Research and teaching only, not for diagnosis.",
        subcommands = {DataCommand.class, StartCommand.class, TrainCommand.Train.class, TrainCommand.Resume.class,
                EvaluateCommand.Evaluate.class, EvaluateCommand.Compare.class, ExplainCommand.class,
                BenchCommand.class, KernelCommand.class, RunsCommand.class, PredictCommand.class,
                ModelCardCommand.class, ShiftCommand.class, ReproduceCommand.class, SweepCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        PhysicalMemoryProbe.switchOffUnlessSet(); // before anything loads JavaCPP
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (for tests and notebooks). */
    public static int run(String... args) {
        return new CommandLine(new Main()).setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + ex.getMessage());
            if (Boolean.getBoolean("mri.debug")) {
                ex.printStackTrace(cmd.getErr());
            }
            return 2;
        }).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
