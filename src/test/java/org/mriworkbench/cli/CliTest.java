package org.mriworkbench.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.phantom.PhantomConfig;
import org.mriworkbench.phantom.PhantomGenerator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void phantoms() throws Exception {
        data = dir.resolve("set");
        new PhantomGenerator(PhantomConfig.builder().optSeed(5).optImageSize(64).optTrainingPerClass(5)
                .optTestingPerClass(2).build()).writeDataset(data);
    }

    private static String run(int expectedExit, String... args) {
        return CliRunner.run(expectedExit, args);
    }

    @Test
    void indexPrintsCountsAndWritesCsv() throws Exception {
        Path csv = dir.resolve("out/index.csv");
        String out = run(0, "data", "index", "--data", data.toString(), "--csv", csv.toString());
        assertTrue(out.contains("TRAINING") && out.contains("fingerprint"), out);
        assertEquals(1 + 4 * 7, Files.readAllLines(csv).size());
    }

    @Test
    void auditWritesTablesAndPictures() {
        Path out = dir.resolve("audit");
        String text = run(0, "data", "audit", "--data", data.toString(), "--out", out.toString());
        assertTrue(text.contains("exact-duplicate contents"), text);
        for (String f : new String[] {"summary.csv", "exact-groups.csv", "clusters.csv", "skipped-files.csv",
                "near-pairs-around-threshold.png"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
    }

    @Test
    void splitReportsLeakageFreeCounts() {
        String text = run(0, "data", "split", "--data", data.toString(), "--seed", "3");
        assertTrue(text.contains("leakage-free: true"), text);
    }

    @Test
    void startRunsTheWholeFirstLook() {
        Path out = dir.resolve("start");
        String text = run(0, "start", "--data", data.toString(), "--out", out.toString());
        assertTrue(text.contains("not for diagnosis"), text);
        assertTrue(Files.isRegularFile(out.resolve("preview.png")));
        assertTrue(Files.isRegularFile(out.resolve("split.csv")));
    }

    @Test
    void missingDataFolderIsAClearErrorNotAStackTrace() {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            run(2, "data", "index", "--data", dir.resolve("nope").toString());
        } finally {
            System.setErr(oldErr);
        }
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("nope") && e.contains("Training/<class>"), e);
    }

    @Test
    void progressLineShowsRateAndPercent() {
        String line = ProgressBar.line("scan", 50, 200, 2_000_000_000L, 0L);
        assertTrue(line.contains(" 25%") && line.contains("50/200") && line.contains("(25/s)"), line);
    }
}
