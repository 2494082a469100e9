package org.mriworkbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    @TempDir
    Path tmp;

    @Test
    void captureRecordsLibrariesMachineAndRoundTrips() throws Exception {
        Manifest m = Manifest.capture("r", 7, 2, "data-sha", "split-sha", Instant.parse("2025-01-01T10:00:00Z"))
                .withEnd(Instant.parse("2025-01-01T10:01:30Z"));
        assertEquals("1.0.0-M2.1", m.libraries().get("deeplearning4j"));
        assertEquals("1.0.0-M2.1", m.libraries().get("nd4j"));
        assertEquals("0.44.4", m.libraries().get("tablesaw"));
        assertEquals("4.0.3", m.libraries().get("xchart"));
        assertEquals(System.getProperty("java.version"), m.libraries().get("java"));
        assertEquals(90.0, m.wallSeconds(), 1e-9);
        assertTrue(m.cores() >= 1);
        assertFalse(m.cpuModel().isBlank());
        assertFalse(m.gitCommit().isBlank());
        m.write(tmp.resolve("manifest.json"));
        assertEquals(m, Manifest.read(tmp.resolve("manifest.json")));
    }

    @Test
    void recordsTheCommitTheCodeWasBuiltFromNotTheWorkingDirectorys() {
        String[] built = Environment.buildCommit();
        if (!Environment.UNKNOWN.equals(Environment.gitCommit(Path.of("").toAbsolutePath()))) {
            // Built by Maven inside a git checkout: pom.xml's git-commit-id-maven-plugin must have recorded it.
            assertNotNull(built, Environment.BUILD_COMMIT_RESOURCE + " missing from the classpath");
        }
        if (built != null) {
            Manifest m = Manifest.capture("r", 7, 2, "data-sha", "split-sha", Instant.parse("2025-01-01T10:00:00Z"));
            assertEquals(built[0], m.gitCommit());
            assertEquals(Boolean.parseBoolean(built[1]), m.gitDirty());
        }
    }

    @Test
    void buildCommitNeedsAFullCommitId() {
        String sha = "0123456789abcdef0123456789abcdef01234567";
        String[] ok = Environment.buildCommit(stream("git.commit.id=" + sha + "\ngit.dirty=true\n"));
        assertEquals(sha, ok[0]);
        assertEquals("true", ok[1]);
        assertEquals("false", Environment.buildCommit(stream("git.commit.id=" + sha + "\n"))[1]);
        assertNull(Environment.buildCommit(null));
        assertNull(Environment.buildCommit(stream("git.dirty=false\n")), "no commit: fall back to the working dir");
        assertNull(Environment.buildCommit(stream("git.commit.id=${git.commit.id}\n")), "unfiltered placeholder");
    }

    private static java.io.InputStream stream(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void diffNamesExactlyTheFieldsThatDiffer() {
        Manifest a = Manifest.capture("r", 7, 2, "data-sha", "split-sha", Instant.parse("2025-01-01T10:00:00Z"));
        Map<String, String> libs = new HashMap<>(a.libraries());
        libs.put("deeplearning4j", "1.0.0-M3");
        Manifest b = new Manifest(a.runName(), 8, a.datasetFingerprint(), "other-split", libs, a.jvm(), a.os(),
                a.arch(), a.cpuModel(), a.cores(), a.threads(), a.gitCommit(), !a.gitDirty(), a.startTime(),
                a.endTime(), a.wallSeconds(), a.numerics());
        List<String> fields = a.diff(b).stream().map(FieldDifference::field).toList();
        assertEquals(List.of("gitDirty", "libraries.deeplearning4j", "seed", "splitFingerprint"), fields);
        assertTrue(a.diff(a).isEmpty());
        assertNotEquals(a, b);
    }
}
