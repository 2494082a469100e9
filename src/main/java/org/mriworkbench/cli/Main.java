package org.mriworkbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code mri-workbench.jar}; subcommands mirror the pipeline stages. */
@Command(name = "mri-workbench", mixinStandardHelpOptions = true, version = "MRI Workbench 0.1.0",
        description = "Brain-tumour MRI research and teaching workbench. Not for diagnosis.")
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
