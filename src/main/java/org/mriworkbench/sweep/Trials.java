package org.mriworkbench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.mriworkbench.train.TrainConfig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Turns a {@link SweepSpec} into its trials, in a fixed order: the full grid (last factor varying fastest), or a
 * seeded random draw; then cut to the trial budget. The order depends only on the spec, so a resumed sweep meets the
 * same trials in the same order and finds the finished ones by their configs.
 */
final class Trials {

    /** Random draws tried per wanted trial before a small space is declared exhausted. */
    private static final int DRAWS_PER_TRIAL = 50;

    private Trials() {
    }

    static List<Trial> of(SweepSpec spec, TrialData data) {
        spec.checkRunnable();
        List<Map<String, JsonNode>> points = spec.random() == null ? grid(spec) : random(spec);
        int limit = spec.budget().trials() > 0 ? Math.min(spec.budget().trials(), points.size()) : points.size();
        List<Trial> out = new ArrayList<>(limit);
        Set<TrainConfig> seen = new HashSet<>();
        for (int i = 0; i < limit; i++) {
            Map<String, JsonNode> p = points.get(i);
            String name = String.format(Locale.ROOT, "%s-t%02d", spec.name(), i + 1);
            TrainConfig config;
            try {
                config = TrainConfig.fromJson(apply(spec.base(), p, name).toString());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("trial " + (i + 1) + " " + text(p) + " is not a valid config: "
                        + e.getMessage(), e);
            }
            if (!seen.add(config)) {
                throw new IllegalArgumentException("trial " + (i + 1) + " " + text(p) + " repeats an earlier trial");
            }
            out.add(new Trial(spec.name(), i, text(p), config, data));
        }
        return List.copyOf(out);
    }

    private static List<Map<String, JsonNode>> grid(SweepSpec spec) {
        List<Map<String, JsonNode>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, JsonNode> f : spec.factors().entrySet()) {
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> partial : out) {
                for (JsonNode v : f.getValue()) {
                    Map<String, JsonNode> m = new LinkedHashMap<>(partial);
                    m.put(f.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    private static List<Map<String, JsonNode>> random(SweepSpec spec) {
        SplittableRandom rng = new SplittableRandom(spec.random().seed());
        int wanted = spec.random().trials();
        List<Map<String, JsonNode>> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int draw = 0; out.size() < wanted && draw < wanted * DRAWS_PER_TRIAL; draw++) {
            Map<String, JsonNode> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> f : spec.factors().entrySet()) {
                m.put(f.getKey(), sample(f.getValue(), rng));
            }
            if (seen.add(m.toString())) {
                out.add(m);
            }
        }
        return out;
    }

    private static JsonNode sample(JsonNode values, SplittableRandom rng) {
        if (values.isArray()) {
            return values.get(rng.nextInt(values.size()));
        }
        JsonNode range = values.elements().next();
        double lo = range.get(0).asDouble();
        double hi = range.get(1).asDouble();
        double u = rng.nextDouble();
        double v = values.has("logUniform") ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo)))
                : lo + u * (hi - lo);
        return DoubleNode.valueOf(Double.parseDouble(String.format(Locale.ROOT, "%.4g", v)));
    }

    /** The base with the factor values set and the run named; enum-like text is normalised to the base's form. */
    static ObjectNode apply(ObjectNode base, Map<String, JsonNode> point, String runName) {
        ObjectNode c = base.deepCopy();
        for (Map.Entry<String, JsonNode> e : point.entrySet()) {
            if (SweepSpec.INPUT_SIZE.equals(e.getKey())) {
                set(c, "model.inputHeight", e.getValue());
                set(c, "model.inputWidth", e.getValue());
            } else {
                set(c, e.getKey(), e.getValue());
                if (SweepSpec.SEED.equals(e.getKey()) && !point.containsKey("model.seed") && ConfigPath.find(c, "model.seed") != null) {
                    set(c, "model.seed", e.getValue());
                }
            }
        }
        c.put("runName", runName);
        return c;
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? root : ConfigPath.find(root, path.substring(0, dot));
        String leaf = path.substring(dot + 1);
        if (!(parent instanceof ObjectNode o)) {
            throw new IllegalArgumentException("no object at '" + path.substring(0, Math.max(dot, 0)) + "'");
        }
        JsonNode old = o.get(leaf);
        if (old != null && old.isTextual() && old.asText().matches("[A-Z][A-Z0-9_]*") && value.isTextual()) {
            value = TextNode.valueOf(value.asText().trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        o.set(leaf, value);
    }

    private static Map<String, String> text(Map<String, JsonNode> point) {
        Map<String, String> m = new LinkedHashMap<>();
        point.forEach((k, v) -> m.put(k, text(v)));
        return m;
    }

    /** A factor value as the trials' factor maps hold it: plain text for a value, JSON otherwise. */
    static String text(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
