package org.mriworkbench.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mriworkbench.train.Json;
import org.mriworkbench.train.TrainConfig;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to search: a base {@link TrainConfig}, the fields to vary, how many trials (a full grid or a seeded random
 * draw), a budget, and the validation metric to rank by. As JSON:
 *
 * <pre>{@code
 * {"name": "recipe", "basePath": "base-config.json",
 *  "grid": {"augmentStrength": [0, 0.5, 1], "model.head": ["flatten", "global-average"],
 *           "learningRate": {"logUniform": [1e-4, 3e-3]}},
 *  "random": {"trials": 8, "seed": 1}, "budget": {"trials": 10}, "metric": "balancedAccuracy"}
 * }</pre>
 *
 * <p>Factors are dotted paths into the config's JSON ({@code config.json}), checked against the base config written
 * out in full, so a field another change adds to {@code TrainConfig} can be swept at once and a misspelt one fails
 * before anything trains. Text values for enum fields may be written the friendly way ({@code global-average} for
 * {@code GLOBAL_AVERAGE}). Two shortcuts: {@value #INPUT_SIZE} sets the model's input height and width (the tensors
 * follow), and {@code seed} also sets {@code model.seed} unless that is a factor itself, so a seed factor changes
 * the initial weights too. Distributions ({@code uniform}, {@code logUniform}, each {@code [low, high]}) need
 * {@code random}. A budget is in trials, minutes of recorded training time, or both (whichever ends first).
 *
 * @param name    sweep name; trial runs are named {@code <name>-tNN}
 * @param base    the base config as a full JSON tree
 * @param factors factor path to a JSON array of values, or to a distribution object, in the order given
 * @param random  the random draw, or null for the full grid
 * @param budget  limits on trials and minutes
 * @param metric  the validation metric trials are ranked by
 */
public record SweepSpec(String name, ObjectNode base, Map<String, JsonNode> factors, Random random, Budget budget,
                        SweepMetric metric) {

    /** Shortcut factor that sets the model's input height and width. */
    public static final String INPUT_SIZE = "inputSize";
    /**
     * The seed factor: it also sets {@code model.seed} (unless that is a factor too), and trials that differ only in it
     * are replicate seeds of one configuration ({@link SweepResult#configurations()}).
     */
    public static final String SEED = "seed";

    private static final Set<String> FIELDS = Set.of("name", "base", "basePath", "grid", "random", "budget",
            "metric");
    private static final Set<String> DISTRIBUTIONS = Set.of("uniform", "logUniform");

    /** A seeded random draw of {@code trials} factor combinations. */
    public record Random(int trials, long seed) {
        public Random {
            if (trials < 1) {
                throw new IllegalArgumentException("random.trials must be >= 1, got " + trials);
            }
        }
    }

    /** At most {@code trials} trials (0: no limit) and {@code minutes} of training time (0: no limit). */
    public record Budget(int trials, double minutes) {
        /** No limit. */
        public static final Budget NONE = new Budget(0, 0);

        public Budget {
            if (trials < 0 || !(minutes >= 0) || Double.isInfinite(minutes)) {
                throw new IllegalArgumentException("budget trials and minutes must be >= 0, got " + trials + ", "
                        + minutes);
            }
        }
    }

    public SweepSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("sweep name must be letters, digits, '.', '_' or '-', got '" + name
                    + "'");
        }
        base = full(Objects.requireNonNull(base, "base"));
        // Through JSON text, so a factor given as a Java float equals the same factor read back from sweep.json.
        Map<String, JsonNode> normal = new LinkedHashMap<>();
        factors.forEach((k, v) -> normal.put(k, reparse(v)));
        factors = java.util.Collections.unmodifiableMap(normal);
        budget = budget == null ? Budget.NONE : budget;
        metric = metric == null ? SweepMetric.BALANCED_ACCURACY : metric;
        for (Map.Entry<String, JsonNode> f : factors.entrySet()) {
            checkFactor(base, f.getKey(), f.getValue());
        }
    }

    /** Reads a spec file; a relative {@code basePath} is resolved against the file's folder. Errors name the file. */
    public static SweepSpec read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "missing sweep spec");
        }
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
        try {
            return parse(Files.readString(file), file.toAbsolutePath().getParent(), stem);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sweep spec " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a spec. {@code baseDir} resolves a relative {@code basePath}; {@code defaultName} is used when the spec
     * has no {@code name}. Unknown fields are errors, not silently ignored: a misspelt {@code "budjet"} must not run
     * an unlimited sweep.
     */
    public static SweepSpec parse(String json, Path baseDir, String defaultName) throws IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a sweep spec is a JSON object");
        }
        unknown(root, FIELDS, "");
        if (root.has("base") == root.has("basePath")) {
            throw new IllegalArgumentException("give exactly one of 'base' (a config object) and 'basePath'");
        }
        ObjectNode base;
        if (root.has("base")) {
            if (!root.get("base").isObject()) {
                throw new IllegalArgumentException("'base' must be a TrainConfig object");
            }
            base = (ObjectNode) root.get("base");
        } else {
            Path p = Path.of(root.get("basePath").asText());
            Path file = p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p);
            base = (ObjectNode) Json.mapper().readTree(TrainConfig.read(file).toJson());
        }
        Map<String, JsonNode> factors = new LinkedHashMap<>();
        JsonNode grid = root.path("grid");
        if (!grid.isMissingNode()) {
            if (!grid.isObject()) {
                throw new IllegalArgumentException("'grid' must be an object of field path to values");
            }
            grid.fields().forEachRemaining(e -> factors.put(e.getKey(), e.getValue()));
        }
        Random random = null;
        JsonNode r = root.path("random");
        if (!r.isMissingNode()) {
            unknown(r, Set.of("trials", "seed"), "random.");
            random = new Random(intField(r, "trials", "random"), longField(r, "seed", "random"));
        }
        Budget budget = Budget.NONE;
        JsonNode b = root.path("budget");
        if (!b.isMissingNode()) {
            unknown(b, Set.of("trials", "minutes"), "budget.");
            if (!b.has("trials") && !b.has("minutes")) {
                throw new IllegalArgumentException("'budget' needs 'trials' or 'minutes'");
            }
            budget = new Budget(b.has("trials") ? intField(b, "trials", "budget") : 0,
                    b.has("minutes") ? b.get("minutes").asDouble() : 0);
        }
        SweepMetric metric = root.has("metric") ? SweepMetric.parse(root.get("metric").asText()) : null;
        SweepSpec spec = new SweepSpec(root.path("name").asText(defaultName), base, factors, random, budget, metric);
        spec.checkRunnable();
        return spec;
    }

    /** A spec over {@code base} with no factors yet; add them with the {@code with*} methods. */
    public static SweepSpec of(String name, TrainConfig base) {
        try {
            return new SweepSpec(name, (ObjectNode) Json.mapper().readTree(base.toJson()), Map.of(), null, null,
                    null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This spec with one more factor, its values given as Java values (numbers, text, booleans). */
    public SweepSpec withFactor(String path, Object... values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Object v : values) {
            a.add(Json.mapper().<JsonNode>valueToTree(v));
        }
        return withFactor(path, a);
    }

    /** This spec with one more factor given as JSON: an array of values or a distribution object. */
    public SweepSpec withFactor(String path, JsonNode valuesOrDistribution) {
        Map<String, JsonNode> f = new LinkedHashMap<>(factors);
        f.put(path, valuesOrDistribution);
        return new SweepSpec(name, base, f, random, budget, metric);
    }

    public SweepSpec withName(String n) {
        return new SweepSpec(n, base, factors, random, budget, metric);
    }

    public SweepSpec withRandom(int trials, long seed) {
        return new SweepSpec(name, base, factors, new Random(trials, seed), budget, metric);
    }

    public SweepSpec withBudget(Budget b) {
        return new SweepSpec(name, base, factors, random, b, metric);
    }

    public SweepSpec withMetric(SweepMetric m) {
        return new SweepSpec(name, base, factors, random, budget, m);
    }

    /** The base config. */
    public TrainConfig baseConfig() {
        return TrainConfig.fromJson(base.toString());
    }

    /** This spec as JSON that {@link #parse} reads back to an equal spec (the base inline, in full). */
    public String toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", name);
        o.set("base", base);
        ObjectNode g = o.putObject("grid");
        factors.forEach(g::set);
        if (random != null) {
            o.putObject("random").put("trials", random.trials()).put("seed", random.seed());
        }
        if (!budget.equals(Budget.NONE)) {
            ObjectNode b = o.putObject("budget");
            if (budget.trials() > 0) {
                b.put("trials", budget.trials());
            }
            if (budget.minutes() > 0) {
                b.put("minutes", budget.minutes());
            }
        }
        o.put("metric", metric.id());
        return Json.write(o);
    }

    /** Every path a factor may name: the leaves and objects of the base config written in full. */
    public List<String> fieldPaths() {
        List<String> out = new ArrayList<>();
        out.add(INPUT_SIZE);
        collect(base, "", out);
        return out;
    }

    private static void collect(JsonNode node, String prefix, List<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = prefix + e.getKey();
            out.add(p);
            if (e.getValue().isObject()) {
                collect(e.getValue(), p + ".", out);
            }
        }
    }

    /** The base re-serialised through {@link TrainConfig}, so every field (with its default) is present. */
    /**
     * The base with every {@link TrainConfig} field present. {@code config.json} leaves out recipe fields at their
     * defaults (so old configs keep their form), but a sweep must be able to vary exactly those.
     */
    private static ObjectNode full(ObjectNode base) {
        try {
            TrainConfig config = TrainConfig.fromJson(base.toString());
            ObjectNode tree = (ObjectNode) Json.mapper().readTree(config.toJson());
            for (RecordComponent rc : TrainConfig.class.getRecordComponents()) {
                if (!tree.has(rc.getName())) {
                    tree.set(rc.getName(), Json.mapper().valueToTree(rc.getAccessor().invoke(config)));
                }
            }
            return tree;
        } catch (JsonProcessingException | ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("base is not a valid TrainConfig: " + e.getMessage(), e);
        }
    }

    /** Fails when a factor is a distribution but there is no random draw (a grid cannot enumerate a range). */
    void checkRunnable() {
        if (random == null) {
            factors.forEach((path, values) -> {
                if (values.isObject()) {
                    throw new IllegalArgumentException("grid field '" + path + "' is a distribution; that needs "
                            + "'random'");
                }
            });
        }
    }

    private static void checkFactor(ObjectNode base, String path, JsonNode values) {
        if (!INPUT_SIZE.equals(path) && ConfigPath.find(base, path) == null) {
            throw new IllegalArgumentException("unknown config field '" + path + "' in grid; fields are the JSON paths "
                    + "of config.json, e.g. learningRate, augmentStrength, model.head, model.dropout, lrSchedule.type");
        }
        if (values.isArray()) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("grid field '" + path + "' has no values");
            }
            return;
        }
        if (values.isObject() && values.size() == 1 && DISTRIBUTIONS.contains(values.fieldNames().next())) {
            JsonNode range = values.elements().next();
            if (!range.isArray() || range.size() != 2 || !range.get(0).isNumber() || !range.get(1).isNumber()
                    || !(range.get(0).asDouble() <= range.get(1).asDouble())
                    || (values.has("logUniform") && !(range.get(0).asDouble() > 0))) {
                throw new IllegalArgumentException("grid field '" + path + "': a distribution takes [low, high] with "
                        + "low <= high (and low > 0 for logUniform), got " + range);
            }
            return;
        }
        throw new IllegalArgumentException("grid field '" + path + "' must be an array of values or one of "
                + DISTRIBUTIONS + " with [low, high], got " + values);
    }

    private static JsonNode reparse(JsonNode v) {
        try {
            return Json.mapper().readTree(v.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("factor values must be JSON: " + v, e);
        }
    }

    private static void unknown(JsonNode node, Set<String> known, String prefix) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("'" + prefix.replace(".", "") + "' must be an object");
        }
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + prefix + f + "'; known: "
                        + known.stream().sorted().map(k -> prefix + k).toList());
            }
        });
    }

    private static int intField(JsonNode n, String f, String parent) {
        if (!n.path(f).canConvertToInt() || !n.path(f).isIntegralNumber()) {
            throw new IllegalArgumentException("'" + parent + "." + f + "' must be a whole number");
        }
        return n.get(f).asInt();
    }

    private static long longField(JsonNode n, String f, String parent) {
        if (!n.path(f).isIntegralNumber()) {
            throw new IllegalArgumentException("'" + parent + "." + f + "' must be a whole number");
        }
        return n.get(f).asLong();
    }
}
