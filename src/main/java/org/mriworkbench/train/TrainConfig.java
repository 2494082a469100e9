package org.mriworkbench.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.mriworkbench.augment.AugmentSchedule;
import org.mriworkbench.data.Task;
import org.mriworkbench.imbalance.ImbalanceStrategies;
import org.mriworkbench.model.CnnPresets;
import org.mriworkbench.model.CnnSpec;

/**
 * Everything that decides how a network is trained, as one immutable value stored as {@code config.json} in the run
 * folder, so that a run can be repeated, resumed, and diffed against another run.
 *
 * <p>The model is stored resolved ({@link #model()}) even when it came from a preset, so a later change to a
 * preset cannot silently change what an old config means; {@link #preset()} records the name it came from.
 *
 * <p>Build with {@link #builder()}: {@code setTask}, {@code setPreset}+{@code setInputSize} or {@code setModel},
 * {@code setSeed} and {@code setEpochs} are required; everything else is {@code opt*} with the defaults shown there.
 *
 * <p>The recipe fields from {@code augmentWarp} on were added after the first release: JSON without them reads with
 * the defaults, which reproduce the old behaviour, and they are left out of the JSON while at their default so that
 * older configs (and their hashes in checkpoints) are unchanged.
 *
 * @param runName         short name used in the run folder's name
 * @param task            binary or four-class; fixes the class order
 * @param preset          preset the model came from, or {@code custom}
 * @param model           the architecture, without class weights (the imbalance strategy adds them)
 * @param epochs          maximum epochs
 * @param batchSize       images per minibatch
 * @param optimiser       adam or sgd-momentum
 * @param learningRate    base (for one-cycle: peak) learning rate
 * @param momentum        momentum of sgd-momentum; ignored by Adam
 * @param weightDecay     L2 penalty coefficient; 0 for none
 * @param lrSchedule      learning-rate schedule
 * @param earlyStopping   early stopping on validation loss
 * @param seed            master seed: model init, epoch plans, augmentation and dropout all derive from it
 * @param imbalance       imbalance strategy name, see {@link ImbalanceStrategies#names()}
 * @param augment         whether training images are augmented ({@code Augmentation.standard(affineWarp())})
 * @param augmentStrength strength of the standard augmentation when on
 * @param threads         native (OpenMP) threads; fixed so that runs are repeatable and comparable
 * @param augmentWarp     {@value #WARP_SEPARATE} (rotate, zoom and translate each resample the image) or
 *                        {@value #WARP_AFFINE} (one composed warp, one resample); see {@code augment.RandAffine}
 * @param augmentFadeFraction fraction of the final epochs over which augmentation strength ramps linearly to 0
 *                        (see {@code augment.AugmentSchedule}); 0 never fades
 * @param warmupEpochs    epochs (fractional allowed) over which the learning rate rises linearly from near 0 to the
 *                        schedule's value; 0 for none (see {@link LrSchedule#warmupFactor})
 * @param labelSmoothing  label-smoothing epsilon in [0,1): training targets are {@code (1-eps)*onehot + eps/K}
 * @param testTimeFlip    whether validation and predictions average the softmax of each image and its mirror image
 * @param averageLastEpochs K &gt; 0: the kept model's parameters (batch-norm running statistics included) are the
 *                        mean of those after each of the last K epochs; 0 keeps the usual model
 * @param progressiveResizeEpochs N &gt; 0: the first N epochs train on images at half the input size (2x2 means),
 *                        which is cheaper and coarse-to-fine; needs a global-pooling head. 0 trains at full size

 */
public record TrainConfig(String runName, Task task, String preset, CnnSpec model, int epochs, int batchSize,
                          Optimiser optimiser, double learningRate, double momentum, double weightDecay,
                          LrSchedule lrSchedule, EarlyStopping earlyStopping, long seed, String imbalance,
                          boolean augment, double augmentStrength, int threads,
                          @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = DefaultWarp.class)
                          String augmentWarp,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) double augmentFadeFraction,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) double warmupEpochs,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) double labelSmoothing,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean testTimeFlip,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) int averageLastEpochs,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) int progressiveResizeEpochs) {

    /** {@link #augmentWarp()}: rotate, zoom and translate resample separately (the original pipeline). */
    public static final String WARP_SEPARATE = "separate";

    /** {@link #augmentWarp()}: rotate, zoom and translate composed into one warp with one resample. */
    public static final String WARP_AFFINE = "affine";

    /** Marks a config whose model was given as a {@link CnnSpec} rather than a preset name. */
    public static final String CUSTOM = "custom";

    /**
     * Default threads: one per core of the 2-core reference machine. With oneDNN layers and
     * {@code OMP_WAIT_POLICY=passive} (set by the launchers and surefire), {@code TrainingBenchmark} (classic,
     * 128x128, batch 32) measured 1 and 2 threads level while other jobs held both cores (24.8 vs 24.2 images/s,
     * 27.0 images per CPU-second each, load 4.3); 2 is kept so that a run on an idle machine can use the second core.
     * Without passive waiting the spinning OpenMP threads made 2 threads cost twice the CPU of 1 (14.1 vs 27.3
     * images per CPU-second, load 4.5), so a launcher that does not set it should use 1 thread on a busy machine.
     *
     * <p>It is the one default everywhere (the {@code train}, {@code sweep}, {@code reproduce} and {@code explain}
     * commands, notebooks, profiles): threads are part of the config's equality and of the determinism contract
     * ({@code docs/determinism.md}), so a default that followed the machine's core count would make the "same" run
     * from two places differ and never be reused. More threads are asked for explicitly.
     */
    public static final int DEFAULT_THREADS = 2;

    /**
     * Default batch size: throughput was flat from 16 to 32 and fell at 64 in {@code TrainingBenchmark} on 2 cores,
     * and 32 gives less noisy batch-norm statistics than 16.
     */
    public static final int DEFAULT_BATCH_SIZE = 32;

    public TrainConfig {
        Objects.requireNonNull(runName, "runName");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(optimiser, "optimiser");
        Objects.requireNonNull(lrSchedule, "lrSchedule");
        Objects.requireNonNull(earlyStopping, "earlyStopping");
        Objects.requireNonNull(imbalance, "imbalance");
        augmentWarp = augmentWarp == null ? WARP_SEPARATE : augmentWarp.trim().toLowerCase(Locale.ROOT);
        if (runName.isBlank()) {
            throw new IllegalArgumentException("runName must not be blank");
        }
        if (model.numClasses() != task.numClasses()) {
            throw new IllegalArgumentException("model has " + model.numClasses() + " outputs but task " + task
                    + " has " + task.numClasses() + " classes");
        }
        if (!model.classWeights().isEmpty()) {
            throw new IllegalArgumentException("give class weights through the imbalance strategy, not the model");
        }
        if (epochs < 1 || batchSize < 1 || threads < 1) {
            throw new IllegalArgumentException("epochs, batchSize and threads must be >= 1");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1) || !(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("need momentum in [0,1) and finite weightDecay >= 0");
        }
        if (!(augmentStrength >= 0) || Double.isInfinite(augmentStrength)) {
            throw new IllegalArgumentException("augmentStrength must be finite and >= 0");
        }
        ImbalanceStrategies.byName(imbalance); // fails early, naming the valid strategies
        checkRecipe(augmentWarp, augmentFadeFraction, warmupEpochs, labelSmoothing, averageLastEpochs, epochs,
                earlyStopping);
        if (progressiveResizeEpochs < 0 || progressiveResizeEpochs > epochs) {
            throw new IllegalArgumentException("progressiveResizeEpochs must be in [0, epochs=" + epochs + "], got "
                    + progressiveResizeEpochs);
        }
        if (progressiveResizeEpochs > 0 && (model.head() == CnnSpec.Head.FLATTEN || model.inputHeight() % 2 != 0
                || model.inputWidth() % 2 != 0)) {
            throw new IllegalArgumentException("progressive resizing needs a global-pooling head (the flatten head"
                    + " fixes the input size) and an even input size");
        }
        if (!augment && imbalance.trim().equalsIgnoreCase("focused-augmentation")) {
            throw new IllegalArgumentException("focused-augmentation works through augmentation: turn augment on");
        }
    }

    private static void checkRecipe(String warp, double fade, double warmup, double smoothing, int average, int epochs,
                                    EarlyStopping earlyStopping) {
        if (!WARP_SEPARATE.equals(warp) && !WARP_AFFINE.equals(warp)) {
            throw new IllegalArgumentException("augmentWarp must be '" + WARP_SEPARATE + "' or '" + WARP_AFFINE
                    + "', got '" + warp + "'");
        }
        AugmentSchedule.check(fade);
        if (!(warmup >= 0 && warmup <= epochs)) {
            throw new IllegalArgumentException("warmupEpochs must be in [0, epochs=" + epochs + "], got " + warmup);
        }
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException("labelSmoothing must be in [0,1), got " + smoothing);
        }
        if (average < 0 || average > epochs) {
            throw new IllegalArgumentException("averageLastEpochs must be in [0, epochs=" + epochs + "], got "
                    + average);
        }
        if (average > 0 && earlyStopping.enabled()) {
            throw new IllegalArgumentException("averageLastEpochs needs the run to reach its last epoch: turn early"
                    + " stopping off");
        }
    }

    /** Whether augmentation composes rotate, zoom and translate into one warp ({@value #WARP_AFFINE}). */
    public boolean affineWarp() {
        return WARP_AFFINE.equals(augmentWarp);
    }

    /** A builder with every optional field at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config; a preset-based model is re-resolved on build, so a new seed reaches it. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.runName = runName;
        b.task = task;
        b.preset = preset;
        b.inputSize = model.inputHeight();
        b.model = CUSTOM.equals(preset) ? model : null;
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.optimiser = optimiser;
        b.learningRate = learningRate;
        b.momentum = momentum;
        b.weightDecay = weightDecay;
        b.lrSchedule = lrSchedule;
        b.earlyStopping = earlyStopping;
        b.seed = seed;
        b.imbalance = imbalance;
        b.augment = augment;
        b.augmentStrength = augmentStrength;
        b.threads = threads;
        b.augmentWarp = augmentWarp;
        b.augmentFadeFraction = augmentFadeFraction;
        b.warmupEpochs = warmupEpochs;
        b.labelSmoothing = labelSmoothing;
        b.testTimeFlip = testTimeFlip;
        b.averageLastEpochs = averageLastEpochs;
        b.progressiveResizeEpochs = progressiveResizeEpochs;
        return b;
    }

    /** Input height of the model in pixels (the tensor cache's image size). */
    public int inputSize() {
        return model.inputHeight();
    }

    /** This config as indented JSON. */
    public String toJson() {
        return Json.write(this);
    }

    /** Parses a config written by {@link #toJson()}. */
    public static TrainConfig fromJson(String json) {
        return Json.parse(json, TrainConfig.class);
    }

    /** Writes this config atomically to {@code file}. */
    public void write(Path file) throws IOException {
        Json.write(file, this);
    }

    /** Reads a config; errors name the file. */
    public static TrainConfig read(Path file) throws IOException {
        return Json.read(file, TrainConfig.class);
    }

    /** Jackson value filter: true (leave out) for the default warp, so old configs serialise as they used to. */
    static final class DefaultWarp {
        @Override
        public boolean equals(Object value) {
            return value == null || WARP_SEPARATE.equals(value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** Collects a {@link TrainConfig}; {@code set*} required, {@code opt*} optional. */
    public static final class Builder {
        private String runName = "run";
        private Task task;
        private String preset;
        private int inputSize;
        private CnnSpec model;
        private int epochs;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Optimiser optimiser = Optimiser.ADAM;
        private double learningRate = 1e-3;
        private double momentum = 0.9;
        private double weightDecay;
        private LrSchedule lrSchedule = new LrSchedule.Constant();
        private EarlyStopping earlyStopping = EarlyStopping.disabled();
        private Long seed;
        private String imbalance = "none";
        private boolean augment;
        private double augmentStrength = 1.0;
        private int threads = DEFAULT_THREADS;
        private String augmentWarp = WARP_SEPARATE;
        private double augmentFadeFraction;
        private double warmupEpochs;
        private double labelSmoothing;
        private boolean testTimeFlip;
        private int averageLastEpochs;
        private int progressiveResizeEpochs;

        private Builder() {
        }

        /** Required: the task, which fixes the number of classes. */
        public Builder setTask(Task task) {
            this.task = task;
            return this;
        }

        /** Required unless {@link #setModel}: a {@link CnnPresets} name, resolved with the task and seed. */
        public Builder setPreset(String preset) {
            this.preset = preset;
            this.model = null;
            return this;
        }

        /** Required with {@link #setPreset}: square input size in pixels. */
        public Builder setInputSize(int inputSize) {
            this.inputSize = inputSize;
            return this;
        }

        /** Required unless {@link #setPreset}: an explicit architecture (its own seed is kept). */
        public Builder setModel(CnnSpec model) {
            this.model = model;
            this.preset = CUSTOM;
            return this;
        }

        /** Required: the master seed. There is deliberately no default. */
        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Required: maximum number of epochs. */
        public Builder setEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Run name for the folder; default {@code run}. */
        public Builder optRunName(String runName) {
            this.runName = runName;
            return this;
        }

        /** Default {@value TrainConfig#DEFAULT_BATCH_SIZE}. */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Optimiser, learning rate and momentum; default Adam at 1e-3 (momentum 0.9 for SGD). */
        public Builder optOptimiser(Optimiser optimiser, double learningRate, double momentum) {
            this.optimiser = optimiser;
            this.learningRate = learningRate;
            this.momentum = momentum;
            return this;
        }

        /** Base learning rate; default 1e-3. */
        public Builder optLearningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** L2 weight decay; default 0. */
        public Builder optWeightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** Default constant rate. */
        public Builder optLrSchedule(LrSchedule lrSchedule) {
            this.lrSchedule = lrSchedule;
            return this;
        }

        /** Default disabled. */
        public Builder optEarlyStopping(EarlyStopping earlyStopping) {
            this.earlyStopping = earlyStopping;
            return this;
        }

        /** Imbalance strategy name; default {@code none}. */
        public Builder optImbalance(String imbalance) {
            this.imbalance = imbalance;
            return this;
        }

        /** Standard augmentation at {@code strength}; default off. */
        public Builder optAugmentation(boolean augment, double strength) {
            this.augment = augment;
            this.augmentStrength = strength;
            return this;
        }

        /** Native threads; default {@value TrainConfig#DEFAULT_THREADS}. */
        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        /** {@value TrainConfig#WARP_SEPARATE} (default) or {@value TrainConfig#WARP_AFFINE}. */
        public Builder optAugmentWarp(String augmentWarp) {
            this.augmentWarp = augmentWarp;
            return this;
        }

        /** Fraction of the final epochs over which augmentation fades to 0; default 0 (no fade). */
        public Builder optAugmentFadeFraction(double augmentFadeFraction) {
            this.augmentFadeFraction = augmentFadeFraction;
            return this;
        }

        /** Linear learning-rate warm-up over this many epochs; default 0 (none). */
        public Builder optWarmupEpochs(double warmupEpochs) {
            this.warmupEpochs = warmupEpochs;
            return this;
        }

        /** Label-smoothing epsilon; default 0 (one-hot targets). */
        public Builder optLabelSmoothing(double labelSmoothing) {
            this.labelSmoothing = labelSmoothing;
            return this;
        }

        /** Average predictions over each image and its mirror image; default off. */
        public Builder optTestTimeFlip(boolean testTimeFlip) {
            this.testTimeFlip = testTimeFlip;
            return this;
        }

        /** Keep the mean parameters of the last {@code k} epochs; default 0 (off). */
        public Builder optAverageLastEpochs(int k) {
            this.averageLastEpochs = k;
            return this;
        }

        /** Train the first {@code n} epochs at half size; default 0 (always full size). */
        public Builder optProgressiveResizeEpochs(int n) {
            this.progressiveResizeEpochs = n;
            return this;
        }

        public TrainConfig build() {
            if (task == null || seed == null || epochs == 0) {
                throw new IllegalStateException("setTask, setSeed and setEpochs are required");
            }
            CnnSpec resolved = model;
            if (resolved == null) {
                if (preset == null || inputSize <= 0) {
                    throw new IllegalStateException("setPreset with setInputSize, or setModel, is required");
                }
                resolved = CnnPresets.byName(preset, inputSize, task.numClasses(), seed);
            }
            return new TrainConfig(runName, task, preset, resolved, epochs, batchSize, optimiser, learningRate,
                    momentum, weightDecay, lrSchedule, earlyStopping, seed, imbalance, augment, augmentStrength,
                    threads, augmentWarp, augmentFadeFraction, warmupEpochs, labelSmoothing, testTimeFlip,
                    averageLastEpochs, progressiveResizeEpochs);
        }
    }
}
