package org.mriworkbench.train;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Locale;

/**
 * A learning rate as a pure function of the base rate and {@link LrProgress}. The trainer asks before every
 * minibatch and pushes a changed value into the network's updater.
 *
 * <p>We compute rates ourselves instead of using DL4J's {@code ISchedule} because the plateau rule needs
 * validation losses, which DL4J schedules never see, and because one mechanism for all schedules keeps resume
 * exact: every rate, including the plateau's, is recomputed from the checkpointed history.
 *
 * <p>Create with {@link #byName} (defaults) or the record constructors; configs store them as JSON with a
 * {@code type} field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LrSchedule.Constant.class, name = "none"),
        @JsonSubTypes.Type(value = LrSchedule.Step.class, name = "step"),
        @JsonSubTypes.Type(value = LrSchedule.Exponential.class, name = "exponential"),
        @JsonSubTypes.Type(value = LrSchedule.Cosine.class, name = "cosine"),
        @JsonSubTypes.Type(value = LrSchedule.OneCycle.class, name = "one-cycle"),
        @JsonSubTypes.Type(value = LrSchedule.Plateau.class, name = "plateau")})
public sealed interface LrSchedule {

    /** The names {@link #byName} accepts. */
    List<String> NAMES = List.of("none", "step", "exponential", "cosine", "one-cycle", "plateau");

    /** The learning rate to use for the minibatch at {@code p}. */
    double learningRate(double baseLr, LrProgress p);

    /**
     * The schedule called {@code name} (case-insensitive) with default settings: step = x0.1 every 10 epochs,
     * exponential = x0.95 per epoch, cosine to 0, one-cycle with the fast.ai/PyTorch defaults, plateau = x0.1 after
     * 3 epochs without improvement.
     */
    static LrSchedule byName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "none", "constant" -> new Constant();
            case "step" -> new Step(10, 0.1);
            case "exponential" -> new Exponential(0.95);
            case "cosine" -> new Cosine(0.0);
            case "one-cycle", "onecycle" -> new OneCycle(0.3, 25, 1e4);
            case "plateau" -> new Plateau(0.1, 3, 1e-4, 0.0);
            default -> throw new IllegalArgumentException("Unknown learning-rate schedule '" + name
                    + "'; valid names: " + String.join(", ", NAMES));
        };
    }

    /**
     * Linear warm-up multiplier for the minibatch at {@code p}: {@code (step+1) / (warmupEpochs * iterationsPerEpoch)}
     * until it reaches 1, then 1. The trainer multiplies it onto any schedule's rate, so the first minibatch runs at
     * a small fraction of the rate and the peak is reached after {@code warmupEpochs} epochs. Warm-up (Goyal et al.,
     * "Accurate, Large Minibatch SGD", 2017) lets Adam's moment estimates and batch-norm statistics settle before
     * full-size steps, which is what makes a higher peak rate usable. {@code warmupEpochs = 0} gives 1 throughout.
     */
    static double warmupFactor(LrProgress p, double warmupEpochs) {
        if (!(warmupEpochs >= 0) || Double.isInfinite(warmupEpochs)) {
            throw new IllegalArgumentException("warmupEpochs must be finite and >= 0, got " + warmupEpochs);
        }
        double warmupSteps = warmupEpochs * p.iterationsPerEpoch();
        if (warmupSteps <= 0) {
            return 1.0;
        }
        return Math.min(1.0, (p.step() + 1) / warmupSteps);
    }

    /**
     * The rate of every minibatch of a run of {@code epochs} x {@code iterationsPerEpoch} steps, warm-up included,
     * as the trainer would set it (the plateau rule sees no validation losses here, so it stays at the base rate).
     * For drawing a schedule before training with it: a schedule is easier to judge as a curve than as a formula.
     */
    static double[] perStep(LrSchedule schedule, double baseLr, double warmupEpochs, int epochs,
                            int iterationsPerEpoch) {
        double[] out = new double[epochs * iterationsPerEpoch];
        for (int e = 0; e < epochs; e++) {
            for (int i = 0; i < iterationsPerEpoch; i++) {
                LrProgress p = new LrProgress(e, i, iterationsPerEpoch, epochs, List.of());
                out[e * iterationsPerEpoch + i] = schedule.learningRate(baseLr, p) * warmupFactor(p, warmupEpochs);
            }
        }
        return out;
    }

    /** The base rate throughout. */
    record Constant() implements LrSchedule {
        @Override
        public double learningRate(double baseLr, LrProgress p) {
            return baseLr;
        }
    }

    /** Multiplies the rate by {@code gamma} every {@code everyEpochs} epochs (the classic ImageNet step decay). */
    record Step(int everyEpochs, double gamma) implements LrSchedule {
        public Step {
            if (everyEpochs < 1 || !(gamma > 0)) {
                throw new IllegalArgumentException("step needs everyEpochs >= 1 and gamma > 0");
            }
        }

        @Override
        public double learningRate(double baseLr, LrProgress p) {
            return baseLr * Math.pow(gamma, p.epoch() / everyEpochs);
        }
    }

    /** Multiplies the rate by {@code gamma} every epoch. */
    record Exponential(double gamma) implements LrSchedule {
        public Exponential {
            if (!(gamma > 0)) {
                throw new IllegalArgumentException("gamma must be > 0, got " + gamma);
            }
        }

        @Override
        public double learningRate(double baseLr, LrProgress p) {
            return baseLr * Math.pow(gamma, p.epoch());
        }
    }

    /**
     * Half-cosine decay per minibatch from the base rate to {@code minFraction} of it over the whole run: SGDR
     * without restarts (Loshchilov &amp; Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts", ICLR 2017).
     */
    record Cosine(double minFraction) implements LrSchedule {
        public Cosine {
            if (!(minFraction >= 0 && minFraction <= 1)) {
                throw new IllegalArgumentException("minFraction must be in [0,1], got " + minFraction);
            }
        }

        @Override
        public double learningRate(double baseLr, LrProgress p) {
            double min = baseLr * minFraction;
            return min + (baseLr - min) * 0.5 * (1 + Math.cos(Math.PI * p.fraction()));
        }
    }

    /**
     * The one-cycle policy (Smith &amp; Topin, "Super-Convergence", 2019), in PyTorch's cosine form: the base rate is
     * the peak; the rate rises from {@code peak/divFactor} over the first {@code pctStart} of all minibatches, then
     * falls to {@code peak/(divFactor*finalDivFactor)}. Momentum is not cycled.
     */
    record OneCycle(double pctStart, double divFactor, double finalDivFactor) implements LrSchedule {
        public OneCycle {
            if (!(pctStart > 0 && pctStart < 1) || !(divFactor >= 1) || !(finalDivFactor >= 1)) {
                throw new IllegalArgumentException("one-cycle needs 0 < pctStart < 1, divFactor >= 1, finalDivFactor >= 1");
            }
        }

        @Override
        public double learningRate(double baseLr, LrProgress p) {
            double start = baseLr / divFactor;
            double end = start / finalDivFactor;
            double last = Math.max(1, p.totalSteps() - 1);
            double upSteps = Math.max(1, pctStart * last);
            double s = p.step();
            if (s <= upSteps) {
                return cosineBetween(start, baseLr, s / upSteps);
            }
            return cosineBetween(baseLr, end, Math.min(1, (s - upSteps) / Math.max(1, last - upSteps)));
        }

        private static double cosineBetween(double from, double to, double t) {
            return to + (from - to) * 0.5 * (1 + Math.cos(Math.PI * t));
        }
    }

    /**
     * Reduce on plateau, as Keras' {@code ReduceLROnPlateau}: after {@code patience} epochs in a row whose
     * validation loss did not beat the best by more than {@code minDelta}, multiply the rate by {@code factor}
     * (never below {@code minLr}) and start counting again. Replayed from the loss history on every call.
     */
    record Plateau(double factor, int patience, double minDelta, double minLr) implements LrSchedule {
        public Plateau {
            if (!(factor > 0 && factor < 1) || patience < 1 || !(minDelta >= 0) || !(minLr >= 0)) {
                throw new IllegalArgumentException("plateau needs 0 < factor < 1, patience >= 1, minDelta >= 0, minLr >= 0");
            }
        }

        @Override
        public double learningRate(double baseLr, LrProgress p) {
            double lr = baseLr;
            double best = Double.POSITIVE_INFINITY;
            int wait = 0;
            for (double v : p.validationLosses()) {
                if (v < best - minDelta) {
                    best = v;
                    wait = 0;
                } else if (++wait >= patience) {
                    lr = Math.max(minLr, lr * factor);
                    wait = 0;
                }
            }
            return lr;
        }
    }
}
