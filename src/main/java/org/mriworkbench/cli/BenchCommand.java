package org.mriworkbench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code bench}: the data pipeline's speed on this machine, for the README's benchmark table. */
@Command(name = "bench", description = "Benchmark cold scan, cold preprocess and cached load (images/s, peak RSS).",
        mixinStandardHelpOptions = true)
final class BenchCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--size", description = "preprocessed image side (default: ${DEFAULT-VALUE})")
    int size = 128;

    @Override
    public Integer call() throws Exception {
        org.mriworkbench.preprocess.PipelineBenchmark.run(data.resolve().path(), size, System.out);
        return 0;
    }
}
