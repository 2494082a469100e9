package org.mriworkbench.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.augment.AugmentSchedule;
import org.mriworkbench.augment.AugmentSeeds;
import org.mriworkbench.augment.Augmentation;
import org.mriworkbench.imbalance.EpochPlan;
import org.mriworkbench.imbalance.ImbalanceStrategies;
import org.mriworkbench.imbalance.ImbalanceStrategy;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The epoch loop behind {@link Trainer}: mutable, single-use, single-threaded. It starts from a network and a
 * {@link CheckpointState} (fresh or read back) and, because every random draw is a function of (seed, epoch,
 * position or minibatch), continuing from a checkpoint replays exactly what an uninterrupted run would have done.
 */
final class TrainingLoop {

    private final TrainConfig config;
    private final List<TrainingListener> listeners;
    private final BooleanSupplier stopSignal;
    private final TensorDataset train;
    private final TensorDataset val;
    private final Path runDir;
    private final String configSha;
    private final String dataFingerprint;
    private final ImbalanceStrategy strategy;
    private final Batcher batcher;
    private final long dropoutSeed;
    private final int[] trainLabels;

    private MultiLayerNetwork net;
    private final ForwardPassAccuracy accuracy = new ForwardPassAccuracy();
    private final List<EpochStats> history;
    private int bestEpoch;
    private double bestValLoss;
    private int wait;
    private double currentLr = Double.NaN;
    private WeightAverage average;

    TrainingLoop(TrainConfig config, List<TrainingListener> listeners, BooleanSupplier stopSignal, TensorDataset train,
                 TensorDataset val, Path runDir, MultiLayerNetwork net, CheckpointState start)
            throws CheckpointException {
        this.config = config;
        this.listeners = listeners;
        this.stopSignal = stopSignal;
        this.train = train;
        this.val = val;
        this.runDir = runDir;
        this.configSha = start.configSha256();
        this.dataFingerprint = start.dataFingerprint();
        this.strategy = ImbalanceStrategies.byName(config.imbalance());
        Augmentation aug = Augmentation.standard(config.affineWarp()).scaled(config.augmentStrength());
        this.batcher = new Batcher(train, config.task().numClasses(), aug, config.augment(),
                augmentSeed(config.seed()), config.labelSmoothing());
        this.dropoutSeed = AugmentSeeds.derive(config.seed(), -1, 2);
        this.trainLabels = train.labels();
        this.net = net;
        net.addListeners(accuracy);
        this.history = new ArrayList<>(start.history());
        this.bestEpoch = start.bestEpoch();
        this.bestValLoss = start.bestValLoss();
        this.wait = start.epochsWithoutImprovement();
        int done = history.size();
        if (config.averageLastEpochs() > 0) {
            this.average = done > 0 && WeightAverage.inWindow(done - 1, config.epochs(), config.averageLastEpochs())
                    ? WeightAverage.load(runDir, done, net.numParams()) : WeightAverage.empty(net.numParams());
        }
    }

    static long augmentSeed(long seed) {
        return AugmentSeeds.derive(seed, -1, 1);
    }

    /** The plan of {@code epoch}; the same call the loop makes, so the trainer can size class weights from it. */
    static EpochPlan plan(TrainConfig config, int[] trainLabels, int epoch) {
        return ImbalanceStrategies.byName(config.imbalance()).plan(trainLabels, config.task().numClasses(),
                config.seed(), epoch);
    }

    /** Fresh-run state: nothing done yet. */
    static CheckpointState initialState(String configSha, String dataFingerprint) {
        return new CheckpointState(CheckpointState.FORMAT, 0, Checkpoints.networkFileName(0), List.of(), -1,
                Double.POSITIVE_INFINITY, 0, CheckpointState.RUNNING, 0, configSha, dataFingerprint,
                CheckpointState.RNG_SCHEME, Instant.now().toString());
    }

    TrainingResult run() throws IOException {
        for (int epoch = history.size(); epoch < config.epochs(); epoch++) {
            EpochStats stats = runEpoch(epoch);
            if (stats == null) {
                return result(TrainingResult.Status.INTERRUPTED);
            }
            history.add(stats);
            boolean hasVal = !Double.isNaN(stats.valLoss());
            if (!hasVal || config.earlyStopping().improves(stats.valLoss(), bestValLoss)) {
                bestEpoch = epoch;
                bestValLoss = hasVal ? stats.valLoss() : Double.NaN;
                wait = 0;
                Checkpoints.writeNetwork(runDir.resolve(Checkpoints.MODEL_FILE), net, false);
            } else {
                wait++;
            }
            if (average != null && WeightAverage.inWindow(epoch, config.epochs(), config.averageLastEpochs())) {
                average.add(net);
                average.save(runDir, epoch + 1);
                if (epoch + 1 == config.epochs()) {
                    averageInto(epoch);
                }
            }
            boolean early = config.earlyStopping().enabled() && wait >= config.earlyStopping().patience();
            String status = early ? TrainingResult.Status.EARLY_STOPPED.name()
                    : epoch + 1 == config.epochs() ? TrainingResult.Status.COMPLETED.name() : CheckpointState.RUNNING;
            Checkpoints.save(runDir, net, new CheckpointState(CheckpointState.FORMAT, epoch + 1,
                    Checkpoints.networkFileName(epoch + 1), history, bestEpoch, bestValLoss, wait, status,
                    net.getIterationCount(), configSha, dataFingerprint, CheckpointState.RNG_SCHEME, Instant.now().toString()));
            if (average != null) { // a finished run needs no sum: its average is model.zip
                WeightAverage.deleteOthers(runDir, CheckpointState.RUNNING.equals(status) ? epoch + 1 : -1);
            }
            HistoryCsv.write(runDir.resolve(Checkpoints.HISTORY_FILE), history);
            for (TrainingListener l : listeners) {
                l.onEpochEnd(stats);
            }
            if (early) {
                return result(TrainingResult.Status.EARLY_STOPPED);
            }
        }
        return result(TrainingResult.Status.COMPLETED);
    }

    /**
     * After the last epoch: the network takes the mean parameters of the last K epochs, becomes the kept model
     * ({@code model.zip}, written before the final checkpoint commits) and is recorded as the best epoch with its
     * own validation loss. The epoch's history row keeps the un-averaged network's figures.
     */
    private void averageInto(int epoch) throws IOException {
        net.setParams(average.mean());
        NetworkEvaluator.LossAccuracy v = NetworkEvaluator.evaluate(net, val, Math.max(config.batchSize(), 64),
                config.testTimeFlip());
        bestEpoch = epoch;
        bestValLoss = v.loss();
        wait = 0;
        Checkpoints.writeNetwork(runDir.resolve(Checkpoints.MODEL_FILE), net, false);
    }

    /** One epoch; null when a stop was requested before it finished. */
    private EpochStats runEpoch(int epoch) {
        long t0 = System.nanoTime();
        EpochPlan plan = plan(config, trainLabels, epoch);
        ClassWeightsSync.apply(net, plan);
        int bs = config.batchSize();
        int batches = (plan.size() + bs - 1) / bs;
        List<Double> valLosses = history.stream().map(EpochStats::valLoss).toList();
        double augmentFactor = AugmentSchedule.factor(epoch, config.epochs(), config.augmentFadeFraction());
        double lossSum = 0;
        long correct = 0;
        double lr = Double.NaN;
        for (int b = 0; b < batches; b++) {
            if (stopRequested()) {
                return null;
            }
            LrProgress progress = new LrProgress(epoch, b, batches, config.epochs(), valLosses);
            lr = config.lrSchedule().learningRate(config.learningRate(), progress)
                    * LrSchedule.warmupFactor(progress, config.warmupEpochs());
            if (Double.compare(lr, currentLr) != 0) {
                net.setLearningRate(lr);
                currentLr = lr;
            }
            int from = b * bs;
            int to = Math.min(plan.size(), from + bs);
            DataSet ds = batcher.batch(plan, epoch, from, to, augmentFactor, epoch < config.progressiveResizeEpochs());
            Nd4j.getRandom().setSeed(AugmentSeeds.derive(dropoutSeed, epoch, b));
            accuracy.expect(ds.getLabels());
            net.fit(ds);
            int c = accuracy.correct();
            if (c < 0) { // the listener could not read the forward pass: fall back to a separate inference pass
                c = NetworkEvaluator.correct(net.output(ds.getFeatures(), false), ds.getLabels());
            }
            correct += c;
            double loss = net.score();
            lossSum += loss * (to - from);
            for (TrainingListener l : listeners) {
                l.onBatch(epoch, b, batches, loss, lr);
            }
        }
        net.getLayerWiseConfigurations().setEpochCount(epoch + 1);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        NetworkEvaluator.LossAccuracy v = NetworkEvaluator.evaluate(net, val, Math.max(bs, 64), config.testTimeFlip());
        double seconds = (System.nanoTime() - t0) / 1e9;
        int n = Math.max(1, plan.size());
        return new EpochStats(epoch, lossSum / n, correct / (double) n, v.loss(), v.accuracy(), lr, seconds,
                plan.size() / Math.max(1e-9, trainSeconds));
    }

    private boolean stopRequested() {
        return Thread.currentThread().isInterrupted() || stopSignal.getAsBoolean();
    }

    private TrainingResult result(TrainingResult.Status status) throws IOException {
        MultiLayerNetwork out = net;
        if (status != TrainingResult.Status.INTERRUPTED && config.earlyStopping().restoreBest() && bestEpoch >= 0
                && bestEpoch != history.size() - 1) {
            out = Checkpoints.loadNetwork(runDir.resolve(Checkpoints.MODEL_FILE), false);
        }
        return new TrainingResult(out, history, bestEpoch, bestValLoss, status, runDir);
    }
}
