package org.mriworkbench.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mriworkbench.data.AuditConfig;
import org.mriworkbench.data.SplitConfig;
import org.mriworkbench.preprocess.Preprocessing;
import org.mriworkbench.train.Json;

/**
 * The data side of a run's provenance, read back from its {@value ExperimentRunner#DATA_FILE}: which images (folder
 * and fingerprint), how they were audited and split, how they were preprocessed, and any per-class limits. Commands
 * that need a run's own data again ({@code resume}, {@code evaluate --test official}, {@code shift}) or describe it
 * ({@code model-card}) read this one record instead of each picking fields out of the JSON.
 *
 * @param dataRoot                  the data-set folder the run was trained on
 * @param datasetFingerprint        fingerprint of its index
 * @param images                    readable images in the index
 * @param skippedFiles              files the scan skipped
 * @param audit                     the duplicate-audit thresholds
 * @param duplicateClusters         clusters of exact or near copies the audit found
 * @param testingWithCopyInTraining official Testing images with an exact or near copy in Training
 * @param split                     split mode, fractions and seed
 * @param splitFingerprint          fingerprint of the train/validation/test assignment
 * @param counts                    images per subset ({@code TRAIN}, ...) and label, before any limits
 * @param preprocessing             the preprocessing as described by {@link Preprocessing#describe()}
 * @param preprocessingJson         the preprocessing as {@link Preprocessing#toJson()}
 * @param limits                    per-class caps and class reduction applied on top of the split
 */
public record RunData(Path dataRoot, String datasetFingerprint, int images, int skippedFiles, AuditConfig audit,
                      int duplicateClusters, int testingWithCopyInTraining, SplitConfig split,
                      String splitFingerprint, Map<String, Map<String, Integer>> counts, String preprocessing,
                      String preprocessingJson, Limits limits) {

    public RunData {
        Objects.requireNonNull(dataRoot, "dataRoot");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(preprocessingJson, "preprocessingJson");
        counts = Map.copyOf(counts);
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * Per-class limits of a run ({@link ExperimentRunner#withLimits}, {@link ExperimentRunner#withTrainClassFraction}).
     * The notebooks' quick profile sets them; {@code train} on the command line never does.
     *
     * @param maxTrainPerClass training images kept per class, 0 for all
     * @param maxEvalPerClass  validation and test images kept per class, 0 for all
     * @param reducedClass     class index whose training images were cut, -1 for none
     * @param reducedFraction  fraction of that class kept
     */
    public record Limits(int maxTrainPerClass, int maxEvalPerClass, int reducedClass, double reducedFraction) {

        /** No limits: every image of the split. */
        public static final Limits NONE = new Limits(0, 0, -1, 1.0);

        /** Whether any limit applies. */
        public boolean any() {
            return maxTrainPerClass > 0 || maxEvalPerClass > 0 || (reducedClass >= 0 && reducedFraction < 1.0);
        }
    }

    /** Reads {@code runDir/data.json}; errors name the file and the missing field. */
    public static RunData read(Path runDir) throws IOException {
        Path file = new RunFolder(runDir).data();
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "missing data.json (the run's data provenance)");
        }
        JsonNode d = Json.mapper().readTree(file.toFile());
        try {
            JsonNode a = field(d, "audit");
            JsonNode s = field(d, "split");
            SplitConfig split = new SplitConfig(SplitConfig.Mode.valueOf(field(s, "mode").asText()),
                    field(s, "validationFraction").asDouble(), field(s, "testFraction").asDouble(),
                    field(s, "seed").asLong());
            Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
            if (d.has("counts")) {
                d.get("counts").fields().forEachRemaining(sub -> {
                    Map<String, Integer> row = new LinkedHashMap<>();
                    sub.getValue().fields().forEachRemaining(l -> row.put(l.getKey(), l.getValue().asInt()));
                    counts.put(sub.getKey(), row);
                });
            }
            JsonNode l = d.get("limits");
            Limits limits = l == null ? Limits.NONE : new Limits(l.path("maxTrainPerClass").asInt(0),
                    l.path("maxEvalPerClass").asInt(0), l.path("reducedClass").asInt(-1),
                    l.path("reducedFraction").asDouble(1.0));
            return new RunData(Path.of(field(d, "dataRoot").asText()), field(d, "datasetFingerprint").asText(),
                    d.path("images").asInt(-1), d.path("skippedFiles").asInt(0),
                    new AuditConfig(field(a, "maxHashDistance").asInt(), field(a, "minCorrelation").asDouble()),
                    a.path("clusters").asInt(-1), a.path("testingWithCopyInTraining").asInt(-1), split,
                    s.path("fingerprint").asText(""), counts, d.path("preprocessing").asText(""),
                    field(d, "preprocessingJson").asText(), limits);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The preprocessing pipeline the run's images went through. */
    public Preprocessing preprocessingPipeline() {
        return Preprocessing.fromJson(preprocessingJson);
    }

    private static JsonNode field(JsonNode parent, String name) {
        JsonNode n = parent == null ? null : parent.get(name);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("no field '" + name + "'");
        }
        return n;
    }
}
