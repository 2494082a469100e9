package org.mriworkbench.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.mriworkbench.bench.PyTorchComparison;
import org.mriworkbench.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench}: the data pipeline's speed on this machine; {@code bench train}: training speed against PyTorch. */
@Command(name = "bench", description = "Benchmark cold scan, cold preprocess and cached load (images/s, peak RSS);"
        + " 'bench train' benchmarks training against PyTorch.", mixinStandardHelpOptions = true,
        subcommands = BenchCommand.Train.class)
final class BenchCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--size", description = "preprocessed image side (default: ${DEFAULT-VALUE})")
    int size = 128;

    @Override
    public Integer call() throws Exception {
        org.mriworkbench.bench.PipelineBenchmark.run(data.resolve().path(), size, System.out);
        return 0;
    }

    /** {@code bench train}: DL4J vs PyTorch training throughput, interleaved in one run. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a preset for a fixed number of minibatches on preloaded random images in DL4J and,"
                    + " alternately, the same network in PyTorch (python3-torch); print training and inference"
                    + " images/s, their ratios and peak RSS per batch size.")
    static final class Train implements Callable<Integer> {

        @Option(names = "--preset", description = "CNN preset (default: ${DEFAULT-VALUE})")
        String preset = "classic";

        @Option(names = "--sizes", split = ",", description = "input sizes (default: 128,64)")
        List<Integer> sizes = List.of(128, 64);

        @Option(names = "--batch", description = "minibatch size (default: ${DEFAULT-VALUE})")
        int batch = 32;

        @Option(names = "--threads", description = "native threads in both frameworks (default: ${DEFAULT-VALUE})")
        int threads = TrainConfig.DEFAULT_THREADS;

        @Option(names = "--warmup", description = "untimed minibatches before the first round"
                + " (default: ${DEFAULT-VALUE})")
        int warmup = 5;

        @Option(names = "--iterations", description = "timed minibatches per round (default: ${DEFAULT-VALUE})")
        int iterations = 30;

        @Option(names = "--rounds", description = "alternating rounds per size (default: ${DEFAULT-VALUE})")
        int rounds = 3;

        @Option(names = "--predict-batch", description = "inference minibatch size (default: ${DEFAULT-VALUE})")
        int predictBatch = 64;

        @Option(names = "--predict-iterations", description = "timed inference minibatches per round, 0 for none"
                + " (default: ${DEFAULT-VALUE})")
        int predictIterations = 15;

        @Option(names = "--rss-batches", split = ",", description = "batch sizes whose peak RSS while training is"
                + " reported, after the rounds (default: 32,128)")
        List<Integer> rssBatches = List.of(32, 128);

        @Option(names = "--python", description = "Python with torch (default: ${DEFAULT-VALUE})")
        String python = "/usr/bin/python3";

        @Option(names = "--no-pytorch", description = "measure DL4J only")
        boolean noPytorch;

        @Override
        public Integer call() throws Exception {
            PyTorchComparison.run(new PyTorchComparison.Settings(preset, sizes, batch, threads, warmup, iterations,
                    rounds, noPytorch ? null : python, 42, predictBatch, predictIterations, rssBatches), System.out);
            return 0;
        }
    }
}
