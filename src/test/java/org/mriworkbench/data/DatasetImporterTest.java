package org.mriworkbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.phantom.PhantomConfig;
import org.mriworkbench.phantom.PhantomGenerator;

/** Zip import: layout detection, counts, hidden entries, zip slip, and all-or-nothing writing. */
class DatasetImporterTest {

    @TempDir
    Path tmp;

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path zip = tmp.resolve(name);
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(os)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getValue() != null) {
                    out.write(e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        return zip;
    }

    private static Map<String, String> kaggleLike(String prefix) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(prefix + "Training/", null);
        m.put(prefix + "Training/glioma/Tr-gl_0001.jpg", "g1");
        m.put(prefix + "Training/glioma/Tr-gl_0002.jpg", "g2");
        m.put(prefix + "Training/notumor/Tr-no_0001.jpg", "n1");
        m.put(prefix + "Testing/pituitary/Te-pi_0001.jpg", "p1");
        m.put(prefix + "Training/.ipynb_checkpoints/Tr-gl_0001-checkpoint.jpg", "junk");
        m.put("__MACOSX/" + prefix + "Training/glioma/._Tr-gl_0001.jpg", "junk");
        m.put(prefix + ".DS_Store", "junk");
        return m;
    }

    @Test
    void importsTopLevelSplitsAndCountsPerSplitAndClass() throws IOException {
        Path target = tmp.resolve("repo/data/brain-tumor-mri");
        ImportReport report = DatasetImporter.importZip(zip("k.zip", kaggleLike("")), target, false);

        assertEquals(target, report.target());
        assertEquals(4, report.files());
        assertEquals(2, report.count("Training", "glioma"));
        assertEquals(1, report.count("Training", "notumor"));
        assertEquals(1, report.count("Testing", "pituitary"));
        assertEquals(0, report.count("Testing", "glioma"));
        assertEquals("g2", Files.readString(target.resolve("Training/glioma/Tr-gl_0002.jpg")));
        assertEquals(3, report.skipped().size(), report.skipped().toString());
        assertFalse(Files.exists(target.resolve("Training/.ipynb_checkpoints")));
        assertFalse(Files.exists(target.resolve("__MACOSX")));
        assertFalse(Files.exists(target.resolve(".DS_Store")));
        assertTrue(report.summary().contains("glioma"));
        assertTrue(DataLocation.looksLikeDataset(target));
        assertEquals(List.of(target), siblingsOf(target), "no temporary folder may remain");
    }

    @Test
    void stripsOneWrappingFolder() throws IOException {
        Map<String, String> entries = kaggleLike("brain-tumor-mri-dataset/");
        entries.put("brain-tumor-mri-dataset/LICENSE.txt", "CC0");
        Path target = tmp.resolve("t");
        ImportReport report = DatasetImporter.importZip(zip("w.zip", entries), target, false);

        assertEquals(4, report.files());
        assertTrue(Files.isRegularFile(target.resolve("Testing/pituitary/Te-pi_0001.jpg")));
        assertFalse(Files.exists(target.resolve("brain-tumor-mri-dataset")));
        assertTrue(report.skipped().stream().anyMatch(s -> s.contains("LICENSE.txt")), report.skipped().toString());
    }

    @Test
    void refusesZipSlipAndWritesNothing() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("Training/glioma/ok.jpg", "ok");
        entries.put("../evil.jpg", "evil");
        Path target = tmp.resolve("data/brain-tumor-mri");

        IOException e = assertThrows(IOException.class,
                () -> DatasetImporter.importZip(zip("slip.zip", entries), target, false));

        assertTrue(e.getMessage().contains("../evil.jpg"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("data/evil.jpg")));
        assertFalse(Files.exists(tmp.resolve("evil.jpg")));
        assertFalse(Files.exists(target));
        try (Stream<Path> all = Files.walk(tmp)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().equals("evil.jpg")));
        }
    }

    @Test
    void refusesAbsoluteAndBackslashEscapes() throws IOException {
        for (String bad : List.of("/etc/evil.jpg", "Training\\..\\..\\evil.jpg", "C:/evil.jpg",
                "Training/glioma/../../../evil.jpg")) {
            Map<String, String> entries = new LinkedHashMap<>();
            entries.put("Training/glioma/ok.jpg", "ok");
            entries.put(bad, "evil");
            Path target = tmp.resolve("target");
            assertThrows(IOException.class, () -> DatasetImporter.importZip(zip("bad.zip", entries), target, false), bad);
            assertFalse(Files.exists(target), bad);
        }
    }

    @Test
    void refusesArchiveWithoutSplitFolders() throws IOException {
        Map<String, String> entries = Map.of("images/glioma/a.jpg", "x", "other/b.jpg", "y");
        IOException e = assertThrows(IOException.class,
                () -> DatasetImporter.importZip(zip("odd.zip", entries), tmp.resolve("t"), false));
        assertTrue(e.getMessage().contains("Training/"), e.getMessage());
    }

    @Test
    void keepsAnExistingDataSetUnlessAskedToReplaceIt() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("t/Training/glioma"));
        Files.writeString(target.resolve("old.jpg"), "old");
        Path zip = zip("k.zip", kaggleLike(""));

        assertThrows(IOException.class, () -> DatasetImporter.importZip(zip, tmp.resolve("t"), false));
        assertEquals("old", Files.readString(target.resolve("old.jpg")));

        DatasetImporter.importZip(zip, tmp.resolve("t"), true);
        assertFalse(Files.exists(target.resolve("old.jpg")));
        assertTrue(Files.exists(target.resolve("Tr-gl_0001.jpg")));
    }

    @Test
    void failedImportLeavesThePreviousTargetAndNoTemporaryFolder() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("data/t/Training/glioma")).getParent().getParent();
        Files.writeString(target.resolve("Training/glioma/old.jpg"), "old");
        Path zip = zip("k.zip", kaggleLike(""));

        // A size cap hit half-way stands in for any failure during extraction.
        assertThrows(IOException.class, () -> DatasetImporter.importZip(zip, target, true, 5, 1000));

        assertEquals("old", Files.readString(target.resolve("Training/glioma/old.jpg")));
        assertEquals(List.of(target), siblingsOf(target));
    }

    @Test
    void corruptArchiveIsAnErrorAndWritesNothing() throws IOException {
        Path good = zip("k.zip", kaggleLike(""));
        byte[] bytes = Files.readAllBytes(good);
        Path broken = Files.write(tmp.resolve("broken.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path target = tmp.resolve("t");
        assertThrows(IOException.class, () -> DatasetImporter.importZip(broken, target, false));
        assertFalse(Files.exists(target));
        assertThrows(IOException.class, () -> DatasetImporter.importZip(tmp.resolve("missing.zip"), target, false));
    }

    @Test
    void defaultTargetIsWhereDataLocationLooksFirst() {
        Path repo = tmp.resolve("repo");
        assertEquals(repo.resolve("data/brain-tumor-mri"), DatasetImporter.defaultTarget(repo));
    }

    @Test
    void importedPhantomZipRoundTrips() throws IOException {
        Path root = new PhantomGenerator(PhantomConfig.builder().optImageSize(64).optTrainingPerClass(1)
                .optTestingPerClass(1).build()).writeDataset(tmp.resolve("ph")).root();
        Path zip = tmp.resolve("ph.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new ZipEntry("wrap/" + root.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
        ImportReport report = DatasetImporter.importZip(zip, tmp.resolve("imported"), false);
        assertEquals(8, report.files());
        Path one = Path.of("Training/meningioma/Tr-me_0001.jpg");
        assertArrayEquals(Files.readAllBytes(root.resolve(one)), Files.readAllBytes(tmp.resolve("imported").resolve(one)));
    }

    private List<Path> siblingsOf(Path target) throws IOException {
        try (Stream<Path> s = Files.list(target.getParent())) {
            return s.toList();
        }
    }
}
