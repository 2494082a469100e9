package org.mriworkbench.cli;

import org.mriworkbench.experiment.RunFolder;
import org.mriworkbench.data.Task;
import org.mriworkbench.experiment.ExperimentRunner;
import org.mriworkbench.experiment.PreparedData;
import org.mriworkbench.model.CnnPresets;
import org.mriworkbench.train.EarlyStopping;
import org.mriworkbench.train.EpochStats;
import org.mriworkbench.train.LrSchedule;
import org.mriworkbench.train.Optimiser;
import org.mriworkbench.train.TrainConfig;
import org.mriworkbench.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code train} and {@code resume}: recorded, checkpointed training runs from the command line. */
final class TrainCommand {

    private TrainCommand() {
    }

    static ExperimentRunner runner(PreparedData data, Path runs, AtomicBoolean stop) {
        stopOnShutdown(stop);
        return ExperimentRunner.of(data, runs).withListener(consoleListener()).withStopSignal(stop::get);
    }

    /** A progress bar per epoch on stderr and one line per finished epoch on stdout. */
    static TrainingListener consoleListener() {
        ProgressBar bar = ProgressBar.onStderr();
        TrainingListener batches = TrainingListener.progress(bar);
        return new TrainingListener() {
            @Override
            public void onBatch(int epoch, int batch, int batchesInEpoch, double loss, double lr) {
                batches.onBatch(epoch, batch, batchesInEpoch, loss, lr);
            }

            @Override
            public void onEpochEnd(EpochStats s) {
                System.out.printf("epoch %3d  train loss %.4f acc %.4f | val loss %.4f acc %.4f | lr %.2e | %.1f s, %.1f img/s%n",
                        s.epoch() + 1, s.trainLoss(), s.trainAccuracy(), s.valLoss(), s.valAccuracy(), s.learningRate(),
                        s.seconds(), s.imagesPerSecond());
            }
        };
    }

    /** Ctrl-C stops between minibatches; the last checkpoint stays valid and `resume` continues from it. */
    static void stopOnShutdown(AtomicBoolean stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true)));
    }

    static void report(ExperimentRunner.Outcome o) {
        System.out.println("run folder: " + o.runDir().toAbsolutePath());
        System.out.println("status: " + o.training().status() + ", best epoch " + (o.training().bestEpoch() + 1));
        if (o.test() != null) {
            var r = o.test().report();
            System.out.printf("test (%d images): accuracy %.4f, balanced accuracy %.4f, macro F1 %.4f%n", r.n(),
                    r.accuracy(), r.balancedAccuracy(), r.macroF1());
        } else {
            System.out.println("interrupted: continue with `resume " + o.runDir() + "`");
        }
    }

    @Command(name = "train", description = "Train a CNN as a recorded, checkpointed run.", mixinStandardHelpOptions = true)
    static final class Train implements Callable<Integer> {
        @Mixin
        PipelineOptions pipeline;

        @Option(names = "--task", description = "binary or four-class (default: ${DEFAULT-VALUE})")
        String task = "binary";

        @Option(names = "--preset", description = "seed-baseline, classic or wide (default: ${DEFAULT-VALUE})")
        String preset = "classic";

        @Option(names = "--epochs", description = "(default: ${DEFAULT-VALUE})")
        int epochs = 10;

        @Option(names = "--batch", description = "(default: ${DEFAULT-VALUE})")
        int batch = 32;

        @Option(names = "--optimiser", description = "adam or sgd-momentum (default: ${DEFAULT-VALUE})")
        String optimiser = "adam";

        @Option(names = "--lr", description = "base learning rate (default: ${DEFAULT-VALUE})")
        double lr = 1e-3;

        @Option(names = "--weight-decay", description = "L2 (default: ${DEFAULT-VALUE})")
        double weightDecay = 1e-4;

        @Option(names = "--schedule", description = "none, step, exponential, cosine, one-cycle or plateau (default: ${DEFAULT-VALUE})")
        String schedule = "cosine";

        @Option(names = "--patience", description = "early-stopping patience in epochs, 0 for none (default: ${DEFAULT-VALUE})")
        int patience = 0;

        @Option(names = "--imbalance", description = "none, class-weights, oversample, undersample, focused-augmentation (default: ${DEFAULT-VALUE})")
        String imbalance = "none";

        @Option(names = "--no-augment", description = "train without augmentation")
        boolean noAugment;

        @Option(names = "--augment-strength", description = "strength of the standard augmentation (default: ${DEFAULT-VALUE})")
        double augmentStrength = 1.0;

        @Option(names = "--augment-warp", description = "separate (rotate, zoom, translate each resample) or affine "
                + "(one composed warp, one resample) (default: ${DEFAULT-VALUE})")
        String augmentWarp = TrainConfig.WARP_SEPARATE;

        @Option(names = "--augment-fade", description = "fraction of the final epochs over which augmentation fades "
                + "linearly to 0 (default: ${DEFAULT-VALUE})")
        double augmentFade = 0;

        @Option(names = "--warmup-epochs", description = "linear learning-rate warm-up, in epochs (default: ${DEFAULT-VALUE})")
        double warmupEpochs = 0;

        @Option(names = "--label-smoothing", description = "label-smoothing epsilon (default: ${DEFAULT-VALUE})")
        double labelSmoothing = 0;

        @Option(names = "--tta-flip", description = "average each image's prediction with its mirror image's")
        boolean ttaFlip;

        @Option(names = "--average-last", description = "keep the mean weights of the last K epochs, 0 for off "
                + "(default: ${DEFAULT-VALUE})")
        int averageLast = 0;

        @Option(names = "--progressive-resize", description = "train the first N epochs at half size (needs a "
                + "global-pooling head) (default: ${DEFAULT-VALUE})")
        int progressiveResize = 0;

        @Option(names = "--seed", description = "(default: ${DEFAULT-VALUE})")
        long seed = 42;

        @Option(names = "--threads", description = "native threads (default: ${DEFAULT-VALUE}, TrainConfig's default,"
                + " as in notebooks and profiles). Part of the config: a run is reused, and bit-identical, only at"
                + " the same count; raise it explicitly on a bigger machine (docs/determinism.md)")
        int threads = TrainConfig.DEFAULT_THREADS;

        @Option(names = "--name", description = "run name (default: <preset>-<task>)")
        String name;

        @Option(names = "--runs", description = "runs folder (default: ${DEFAULT-VALUE})")
        Path runs = RunFolder.defaultRoot();

        @Option(names = "--config", paramLabel = "FILE",
                description = "train exactly this TrainConfig JSON (e.g. a run's config.json). The training flags "
                        + "(task, preset, epochs, batch, optimiser, lr, weight decay, schedule, patience, imbalance, "
                        + "augmentation and recipe options, seed, threads, name) are then ignored, and --size is taken "
                        + "from the config; "
                        + "data, split, denoise, cache and --runs still apply.")
        Path config;

        @Override
        public Integer call() throws Exception {
            TrainConfig cfg = config != null ? TrainConfig.read(config) : fromFlags();
            if (config != null) {
                System.err.println("config: " + config + " (training flags ignored; input size "
                        + cfg.inputSize() + ")");
                pipeline.size = cfg.inputSize();
            }
            PreparedData data = pipeline.prepare();
            System.out.println(data.split().countsTable().print());
            report(runner(data, runs, new AtomicBoolean()).train(cfg));
            return 0;
        }

        TrainConfig fromFlags() {
            Task t = Task.parse(task);
            CnnPresets.byName(preset, pipeline.size, t.numClasses(), seed); // fail fast on a bad name
            TrainConfig cfg = TrainConfig.builder().setTask(t).setPreset(preset).setInputSize(pipeline.size)
                    .setSeed(seed).setEpochs(epochs).optBatchSize(batch)
                    .optOptimiser(Optimiser.parse(optimiser), lr, 0.9).optWeightDecay(weightDecay)
                    .optLrSchedule(LrSchedule.byName(schedule))
                    .optEarlyStopping(patience > 0 ? EarlyStopping.of(patience) : EarlyStopping.disabled())
                    .optImbalance(imbalance).optAugmentation(!noAugment, augmentStrength).optThreads(threads)
                    .optAugmentWarp(augmentWarp).optAugmentFadeFraction(augmentFade).optWarmupEpochs(warmupEpochs)
                    .optLabelSmoothing(labelSmoothing).optTestTimeFlip(ttaFlip).optAverageLastEpochs(averageLast)
                    .optProgressiveResizeEpochs(progressiveResize)
                    .optRunName(name != null ? name : preset + "-" + t.name().toLowerCase().replace('_', '-'))
                    .build();
            return cfg;
        }
    }

    @Command(name = "resume", description = "Continue an interrupted run from its last checkpoint.", mixinStandardHelpOptions = true)
    static final class Resume implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Parameters(paramLabel = "RUN_DIR")
        Path runDir;

        @Override
        public Integer call() throws Exception {
            PreparedData prepared = PreparedData.forRun(runDir, data.data, data.cacheDir(), ProgressBar.onStderr());
            report(runner(prepared, runDir.toAbsolutePath().getParent(), new AtomicBoolean()).resume(runDir));
            return 0;
        }
    }
}
