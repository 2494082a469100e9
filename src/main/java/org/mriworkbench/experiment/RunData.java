package org.mriworkbench.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The data side of a run's provenance, its {@value RunFolder#DATA_FILE}: which images (folder and fingerprint), how
 * they were audited and split, how they were preprocessed, and any per-class limits. The one record both writes the
 * file ({@link #write}) and reads it back ({@link #read}), so the two cannot drift apart; commands that need a run's
 * own data again ({@code resume}, {@code evaluate --test official}, {@code shift}) or describe it ({@code model-card})
 * read this record instead of each picking fields out of the JSON. Runs written before this record existed load
 * unchanged ({@code LegacyRunFolderTest}).
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
 * @param task                      the task's name ({@code BINARY}, {@code FOUR_CLASS}); null when not recorded
 * @param preprocessing             the preprocessing as described by {@link Preprocessing#describe()}
 * @param preprocessingJson         the preprocessing as {@link Preprocessing#toJson()}
 * @param preprocessingFingerprint  {@link Preprocessing#fingerprint()}; null when not recorded
 * @param limits                    per-class caps and class reduction applied on top of the split
 */
public record RunData(Path dataRoot, String datasetFingerprint, int images, int skippedFiles, AuditConfig audit,
                      int duplicateClusters, int testingWithCopyInTraining, SplitConfig split,
                      String splitFingerprint, Map<String, Map<String, Integer>> counts, String task,
                      String preprocessing, String preprocessingJson, String preprocessingFingerprint,
                      Limits limits) {

    public RunData {
        Objects.requireNonNull(dataRoot, "dataRoot");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(preprocessingJson, "preprocessingJson");
        Map<String, Map<String, Integer>> c = new LinkedHashMap<>();
        counts.forEach((k, v) -> c.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        counts = java.util.Collections.unmodifiableMap(c);
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
        JsonNode d = tree(file);
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
                    s.path("fingerprint").asText(""), counts, text(d, "task"), d.path("preprocessing").asText(""),
                    field(d, "preprocessingJson").asText(), text(d, "preprocessingFingerprint"), limits);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Only the preprocessing of the run in {@code runDir}: what a model needs to see an image as training did. Reads
     * {@code preprocessingJson} alone, so a folder whose {@code data.json} records nothing else still predicts;
     * errors name the file.
     */
    public static Preprocessing readPreprocessing(Path runDir) throws IOException {
        Path file = new RunFolder(runDir).data();
        try {
            return Preprocessing.fromJson(field(tree(file), "preprocessingJson").asText());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode tree(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "missing data.json (the run's data provenance)");
        }
        JsonNode d = Json.mapper().readTree(file.toFile());
        if (d == null || !d.isObject()) {
            throw new IOException(file + ": not a JSON object");
        }
        return d;
    }

    /** Writes {@code runDir/data.json} (atomically), in the layout every earlier version wrote. */
    public void write(Path runDir) throws IOException {
        Json.write(new RunFolder(runDir).data(), toJson());
    }

    /** This record as the JSON tree of {@code data.json}; optional fields that are null are left out. */
    public ObjectNode toJson() {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("dataRoot", dataRoot.toString());
        d.put("datasetFingerprint", datasetFingerprint);
        d.put("images", images);
        d.put("skippedFiles", skippedFiles);
        ObjectNode a = d.putObject("audit");
        a.put("testingWithCopyInTraining", testingWithCopyInTraining);
        a.put("clusters", duplicateClusters);
        a.put("minCorrelation", audit.minCorrelation());
        a.put("maxHashDistance", audit.maxHashDistance());
        ObjectNode s = d.putObject("split");
        s.put("fingerprint", splitFingerprint);
        s.put("testFraction", split.testFraction());
        s.put("validationFraction", split.validationFraction());
        s.put("mode", split.mode().name());
        s.put("seed", split.seed());
        ObjectNode c = d.putObject("counts");
        counts.forEach((sub, row) -> {
            ObjectNode r = c.putObject(sub);
            row.forEach(r::put);
        });
        if (task != null) {
            d.put("task", task);
        }
        d.put("preprocessing", preprocessing);
        d.put("preprocessingJson", preprocessingJson);
        if (preprocessingFingerprint != null) {
            d.put("preprocessingFingerprint", preprocessingFingerprint);
        }
        ObjectNode l = d.putObject("limits");
        l.put("maxEvalPerClass", limits.maxEvalPerClass());
        l.put("reducedClass", limits.reducedClass());
        l.put("reducedFraction", limits.reducedFraction());
        l.put("maxTrainPerClass", limits.maxTrainPerClass());
        return d;
    }

    /** The preprocessing pipeline the run's images went through. */
    public Preprocessing preprocessingPipeline() {
        return Preprocessing.fromJson(preprocessingJson);
    }

    private static String text(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static JsonNode field(JsonNode parent, String name) {
        JsonNode n = parent == null ? null : parent.get(name);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("no field '" + name + "'");
        }
        return n;
    }
}
