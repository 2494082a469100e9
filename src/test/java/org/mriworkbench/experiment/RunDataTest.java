package org.mriworkbench.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.data.SplitConfig;
import org.mriworkbench.preprocess.Preprocessing;
import org.mriworkbench.train.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code data.json} read back as {@link RunData}, as {@code ExperimentRunner} writes it and without optional parts. */
class RunDataTest {

    private static final String DATA_JSON = """
            {
              "dataRoot" : "/data/brain-tumor-mri",
              "datasetFingerprint" : "abc",
              "images" : 7019,
              "skippedFiles" : 2,
              "audit" : { "testingWithCopyInTraining" : 621, "clusters" : 681, "minCorrelation" : 0.97,
                          "maxHashDistance" : 10 },
              "split" : { "seed" : 42, "fingerprint" : "def", "testFraction" : 0.15, "validationFraction" : 0.15,
                          "mode" : "GROUPED_RESPLIT" },
              "counts" : { "TRAIN" : { "GLIOMA" : 3, "NO_TUMOR" : 4 }, "TEST" : { "GLIOMA" : 1 } },
              "task" : "BINARY",
              "preprocessing" : "grayscale -> resize-pad(64) -> normalize-intensity(0.5,99.5)",
              "preprocessingJson" : %s,
              "limits" : { "maxEvalPerClass" : 60, "reducedClass" : -1, "reducedFraction" : 1.0,
                           "maxTrainPerClass" : 120 }
            }
            """.formatted(quoted(Preprocessing.standard(64).toJson()));

    private static String quoted(String s) {
        try {
            return Json.mapper().writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TempDir
    Path dir;

    @Test
    void readsEveryField() throws IOException {
        Files.writeString(dir.resolve("data.json"), DATA_JSON);
        RunData d = RunData.read(dir);
        assertEquals(Path.of("/data/brain-tumor-mri"), d.dataRoot());
        assertEquals("abc", d.datasetFingerprint());
        assertEquals(7019, d.images());
        assertEquals(2, d.skippedFiles());
        assertEquals(10, d.audit().maxHashDistance());
        assertEquals(681, d.duplicateClusters());
        assertEquals(621, d.testingWithCopyInTraining());
        assertEquals(SplitConfig.DEFAULT, d.split());
        assertEquals("grouped-resplit", d.split().mode().id());
        assertEquals("def", d.splitFingerprint());
        assertEquals(Map.of("GLIOMA", 3, "NO_TUMOR", 4), d.counts().get("TRAIN"));
        assertEquals("grayscale -> resize-pad(64) -> normalize-intensity(0.5,99.5)",
                d.preprocessingPipeline().describe());
        assertEquals(new RunData.Limits(120, 60, -1, 1.0), d.limits());
        assertTrue(d.limits().any());
    }

    @Test
    void runsWithoutLimitsHaveNone() throws IOException {
        Files.writeString(dir.resolve("data.json"), DATA_JSON.replaceAll("(?s),\\s*\"limits\" : \\{[^}]*}", ""));
        RunData d = RunData.read(dir);
        assertEquals(RunData.Limits.NONE, d.limits());
        assertFalse(d.limits().any());
    }

    @Test
    void errorsNameTheFileAndField() throws IOException {
        assertThrows(NoSuchFileException.class, () -> RunData.read(dir));
        Files.writeString(dir.resolve("data.json"), DATA_JSON.replace("\"dataRoot\"", "\"root\""));
        IOException e = assertThrows(IOException.class, () -> RunData.read(dir));
        assertTrue(e.getMessage().contains("data.json") && e.getMessage().contains("dataRoot"), e.getMessage());
    }

    @Test
    void writesWhatItReadsInTheSameLayout() throws IOException {
        Files.writeString(dir.resolve("data.json"), DATA_JSON);
        RunData d = RunData.read(dir);
        Path copy = Files.createDirectories(dir.resolve("copy"));
        d.write(copy);
        assertEquals(d, RunData.read(copy));
        assertEquals(Json.mapper().readTree(DATA_JSON), Json.mapper().readTree(copy.resolve("data.json").toFile()));
        assertEquals("BINARY", d.task());
        assertEquals(Preprocessing.standard(64).toJson(), RunData.readPreprocessing(dir).toJson());
    }
}
