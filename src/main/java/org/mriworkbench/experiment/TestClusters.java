package org.mriworkbench.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mriworkbench.eval.Predictions;

/**
 * The duplicate cluster of every test image of a run, kept in the run folder ({@value RunFolder#TEST_CLUSTERS_FILE}) beside its predictions.
 * Near copies inside the test set are not independent, so intervals resample whole clusters; the audit that knows the
 * clusters needs the whole data set, and evaluating a run should not have to redo it.
 */
public final class TestClusters {

    private TestClusters() {
    }

    /** Writes the clusters of {@code ids}, looked up in {@code clusterOf} (image path to audit cluster id). */
    public static void write(Path runDir, List<String> ids, Map<String, Integer> clusterOf) throws IOException {
        StringBuilder b = new StringBuilder("id,cluster\n");
        for (String id : ids) {
            Integer c = clusterOf.get(id);
            if (c == null) {
                throw new IllegalArgumentException("no duplicate cluster known for test image " + id);
            }
            b.append(Predictions.quote(id)).append(',').append(c).append('\n');
        }
        org.mriworkbench.train.AtomicFiles.writeString(new RunFolder(runDir).testClusters(), b.toString());
    }

    /** Reads a run's test clusters; empty when the run has none (runs made before clusters were kept). */
    public static Map<String, Integer> read(Path runDir) throws IOException {
        Path f = new RunFolder(runDir).testClusters();
        Map<String, Integer> out = new LinkedHashMap<>();
        if (!Files.exists(f)) {
            return out;
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = Predictions.split(line);
            try {
                out.put(fields.get(0), Integer.parseInt(fields.get(1)));
            } catch (RuntimeException e) {
                throw new IOException(f + " line " + (i + 1) + ": expected id,cluster, got '" + line + "'", e);
            }
        }
        return out;
    }
}
