package org.mriworkbench.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/**
 * The two optimisers the course compares. Their DL4J updaters are created here so that configs store a short name
 * rather than DL4J classes.
 */
public enum Optimiser {
    /** Adam (Kingma &amp; Ba, ICLR 2015) with DL4J's default betas 0.9/0.999 and epsilon 1e-8; momentum is ignored. */
    ADAM("adam"),
    /**
     * SGD with Nesterov momentum (Sutskever et al., ICML 2013). DL4J has no plain heavy-ball updater; Nesterov is
     * the momentum SGD it offers and usually behaves at least as well.
     */
    SGD_MOMENTUM("sgd-momentum");

    private final String id;

    Optimiser(String id) {
        this.id = id;
    }

    /** The config name, e.g. {@code sgd-momentum}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** A fresh DL4J updater; the trainer overrides the rate every minibatch according to the schedule. */
    public IUpdater updater(double learningRate, double momentum) {
        return switch (this) {
            case ADAM -> new Adam(learningRate);
            case SGD_MOMENTUM -> new Nesterovs(learningRate, momentum);
        };
    }

    /** Parses {@code adam}, {@code sgd-momentum} (also {@code sgd}, {@code nesterovs}), case-insensitive. */
    @JsonCreator
    public static Optimiser parse(String s) {
        return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
            case "adam" -> ADAM;
            case "sgd-momentum", "sgd_momentum", "sgd", "nesterovs", "momentum" -> SGD_MOMENTUM;
            default -> throw new IllegalArgumentException("unknown optimiser '" + s + "'; use adam or sgd-momentum");
        };
    }
}
