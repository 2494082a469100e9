package org.mriworkbench.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.mriworkbench.core.Label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetScannerTest {

    private static final DatasetScanner SCANNER = DatasetScanner.create().withThreads(2);

    @Test
    void scansKaggleLayoutInPathOrder(@TempDir Path dir) {
        DatasetIndex idx = SCANNER.scan(TestImages.kaggleTree(dir, 2, 24, 16));
        assertEquals(DatasetIndex.Layout.KAGGLE, idx.layout());
        assertEquals(16, idx.size());
        assertEquals(8, idx.count(Origin.TRAINING));
        assertEquals(8, idx.count(Origin.TESTING));
        assertEquals(Map.of(Label.GLIOMA, 2, Label.MENINGIOMA, 2, Label.NO_TUMOR, 2, Label.PITUITARY, 2),
                idx.counts().get(Origin.TRAINING));
        assertEquals(List.of(), idx.issues());
        List<String> paths = idx.records().stream().map(ImageRecord::path).toList();
        assertEquals(paths.stream().sorted().toList(), paths);
        assertEquals("Testing/glioma/glioma_0.jpg", paths.get(0));
    }

    @Test
    void hiddenFoldersAndFilesAreIgnored(@TempDir Path dir) throws Exception {
        TestImages.kaggleTree(dir, 1, 16, 16);
        Path cls = dir.resolve("Testing/meningioma");
        Path checkpoint = cls.resolve(".ipynb_checkpoints/meningioma_0-checkpoint.jpg");
        TestImages.write(checkpoint, Files.readAllBytes(cls.resolve("meningioma_0.jpg")));
        TestImages.write(dir.resolve(".ipynb_checkpoints/x.jpg"), Files.readAllBytes(cls.resolve("meningioma_0.jpg")));
        TestImages.write(cls.resolve(".DS_Store"), new byte[] {1, 2, 3});
        DatasetIndex idx = SCANNER.scan(dir);
        assertEquals(8, idx.size());
        assertEquals(List.of(), idx.issues());
        assertTrue(idx.records().stream().noneMatch(r -> r.path().contains("checkpoint")));
    }

    @Test
    void unknownClassFolderIsReported(@TempDir Path dir) {
        TestImages.kaggleTree(dir, 1, 16, 16);
        TestImages.write(dir.resolve("Training/astrocytoma/a.jpg"), TestImages.jpeg(TestImages.gray(8, 8, 9)));
        DatasetIndex idx = SCANNER.scan(dir);
        assertEquals(8, idx.size());
        ScanIssue issue = single(idx, ScanIssue.Kind.UNKNOWN_CLASS_FOLDER);
        assertEquals("Training/astrocytoma", issue.path());
        assertTrue(issue.reason().contains("astrocytoma"));
    }

    @Test
    void emptyClassFolderIsReported(@TempDir Path dir) throws Exception {
        TestImages.kaggleTree(dir, 1, 16, 16);
        Files.createDirectories(dir.resolve("Testing/no_tumor"));
        DatasetIndex idx = SCANNER.scan(dir);
        assertEquals("Testing/no_tumor", single(idx, ScanIssue.Kind.EMPTY_CLASS_FOLDER).path());
    }

    @Test
    void nonImageFileIsReported(@TempDir Path dir) {
        TestImages.kaggleTree(dir, 1, 16, 16);
        TestImages.write(dir.resolve("Training/glioma/readme.txt"), "hello".getBytes());
        DatasetIndex idx = SCANNER.scan(dir);
        assertEquals(8, idx.size());
        assertEquals("Training/glioma/readme.txt", single(idx, ScanIssue.Kind.NOT_AN_IMAGE).path());
    }

    @Test
    void missingRootNamesPathAndLayout(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-folder");
        DataLayoutException e = assertThrows(DataLayoutException.class, () -> SCANNER.scan(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(DataLayoutException.EXPECTED_LAYOUT), e.getMessage());
        assertEquals(missing, e.path());
    }

    @Test
    void folderWithoutImagesIsALayoutError(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("Training/glioma"));
        TestImages.write(dir.resolve("Training/notes.txt"), "x".getBytes());
        DataLayoutException e = assertThrows(DataLayoutException.class, () -> SCANNER.scan(dir));
        assertTrue(e.getMessage().contains("no images"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void folderWithOnlyUnreadableImagesIsALayoutError(@TempDir Path dir) {
        TestImages.write(dir.resolve("glioma/a.jpg"), new byte[0]);
        DataLayoutException e = assertThrows(DataLayoutException.class, () -> SCANNER.scan(dir));
        assertTrue(e.getMessage().contains("no readable images"), e.getMessage());
    }

    @Test
    void flatLayoutIsUnsplit(@TempDir Path dir) {
        for (String cls : TestImages.CLASSES) {
            TestImages.write(dir.resolve(cls).resolve("a.jpg"), TestImages.jpeg(TestImages.gray(8, 8, cls.hashCode())));
        }
        DatasetIndex idx = SCANNER.scan(dir);
        assertEquals(DatasetIndex.Layout.FLAT, idx.layout());
        assertEquals(4, idx.size());
        assertTrue(idx.records().stream().allMatch(r -> r.origin() == Origin.UNSPLIT));
    }

    @Test
    void aliasFolderNamesMapToLabels(@TempDir Path dir) {
        Map<String, Label> folders = Map.of("glioma_tumor", Label.GLIOMA, "no", Label.NO_TUMOR, "yes", Label.TUMOR,
                "Meningioma_Tumor", Label.MENINGIOMA, "no_tumor", Label.NO_TUMOR);
        long seed = 100;
        for (String f : folders.keySet()) {
            TestImages.write(dir.resolve(f).resolve("img.jpg"), TestImages.jpeg(TestImages.gray(8, 8, seed++)));
        }
        DatasetIndex idx = SCANNER.scan(dir);
        assertEquals(List.of(), idx.issues());
        for (ImageRecord r : idx.records()) {
            assertEquals(folders.get(r.path().substring(0, r.path().indexOf('/'))), r.label(), r.path());
        }
    }

    @Test
    void oneBadFileAmongManyIsReportedAndTheScanCompletes(@TempDir Path dir) {
        for (int i = 0; i < 20; i++) {
            TestImages.write(dir.resolve("glioma/g" + i + ".jpg"), TestImages.jpeg(TestImages.rgbGray(32, 32, i)));
        }
        TestImages.write(dir.resolve("glioma/bad.jpg"), TestImages.truncatedJpeg(64, 64, 7));
        AtomicLong last = new AtomicLong();
        DatasetIndex idx = SCANNER.withProgress((stage, done, total) -> last.accumulateAndGet(done, Math::max))
                .scan(dir);
        assertEquals(20, idx.size());
        ScanIssue bad = single(idx, ScanIssue.Kind.UNREADABLE_IMAGE);
        assertEquals("glioma/bad.jpg", bad.path());
        assertTrue(bad.reason().contains("truncated"), bad.reason());
        assertEquals(21, last.get(), "progress reaches every candidate file");
    }

    @Test
    void fingerprintFollowsLabelsAndContent(@TempDir Path dir) throws Exception {
        TestImages.kaggleTree(dir, 1, 16, 16);
        String before = SCANNER.scan(dir).fingerprint();
        assertEquals(before, SCANNER.scan(dir).fingerprint());
        Files.move(dir.resolve("Training/glioma/glioma_0.jpg"), dir.resolve("Training/meningioma/glioma_0.jpg"));
        assertNotEquals(before, SCANNER.scan(dir).fingerprint());
    }

    private static ScanIssue single(DatasetIndex idx, ScanIssue.Kind kind) {
        List<ScanIssue> found = idx.issues().stream().filter(i -> i.kind() == kind).toList();
        assertEquals(1, found.size(), "issues: " + idx.issues());
        return found.get(0);
    }
}
