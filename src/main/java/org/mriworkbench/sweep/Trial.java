package org.mriworkbench.sweep;

import org.mriworkbench.train.Json;
import org.mriworkbench.train.TrainConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a sweep as a self-contained value: the full config (its seed included), the data it trains on and
 * where its run goes. Nothing else is needed to run it, so a later executor can serialise trials to JSON, run them on
 * other machines and get the same recorded runs.
 *
 * @param sweep   the sweep's name
 * @param index   position in the sweep's trial order, from 0
 * @param factors the factor values of this trial as text, in spec order (for tables and charts)
 * @param config  the config to train
 * @param data    data location, split and run folder root
 */
public record Trial(String sweep, int index, Map<String, String> factors, TrainConfig config, TrialData data) {

    public Trial {
        Objects.requireNonNull(sweep, "sweep");
        factors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(factors));
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(data, "data");
    }

    /** The trial's run name, {@code <sweep>-tNN}. */
    public String name() {
        return config.runName();
    }

    /** The master seed of the trial's run. */
    public long seed() {
        return config.seed();
    }

    public String toJson() {
        return Json.write(this);
    }

    public static Trial fromJson(String json) {
        return Json.parse(json, Trial.class);
    }
}
