package org.mriworkbench.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.predict.ImagePredictor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileWalkerTest {

    @Test
    void predictListsExactlyTheImagesTheScanIndexes(@TempDir Path dir) throws Exception {
        TestImages.kaggleTree(dir, 2, 16, 16);
        Path cls = dir.resolve("Training/glioma");
        // The real data set holds such a checkpoint copy: predict used to count it (7,020 vs 7,019).
        TestImages.write(cls.resolve(".ipynb_checkpoints/glioma_0-checkpoint.jpg"),
                Files.readAllBytes(cls.resolve("glioma_0.jpg")));
        TestImages.write(dir.resolve("Testing/__MACOSX/._glioma_0.jpg"), new byte[] {0, 5, 22, 7});
        DatasetIndex index = DatasetScanner.create().withThreads(2).scan(dir);
        List<Path> scanned = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
            scanned.add(index.file(i));
        }
        assertEquals(16, scanned.size());
        assertEquals(scanned.stream().sorted().toList(), ImagePredictor.files(dir));
    }

    @Test
    void loopAndSecondLinkAreReportedAndEveryImageListedOnce(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        TestImages.write(a.resolve("1.png"), TestImages.png(TestImages.gray(4, 4, 1)));
        TestImages.write(a.resolve("sub/2.png"), TestImages.png(TestImages.gray(4, 4, 2)));
        Files.createSymbolicLink(a.resolve("sub/up"), Path.of(".."));
        // Sorts before "a", so a walk in name order would meet the link first.
        Files.createSymbolicLink(dir.resolve("0-link-to-a"), a);
        FileWalker.Listing l = FileWalker.list(dir);
        assertEquals(List.of(a.resolve("1.png"), a.resolve("sub/2.png")), l.images(), "real paths kept");
        assertEquals(2, l.issues().size(), l.issues().toString());
        ScanIssue loop = l.issues().stream().filter(i -> i.path().equals("a/sub/up")).findFirst().orElseThrow();
        assertEquals(ScanIssue.Kind.SYMLINK_LOOP, loop.kind());
        ScanIssue repeat = l.issues().stream().filter(i -> i.path().equals("0-link-to-a")).findFirst().orElseThrow();
        assertEquals(ScanIssue.Kind.REPEATED_FOLDER, repeat.kind());
    }

    @Test
    void imageNamesAreCaseInsensitiveAndHiddenEntriesSkipped() {
        assertTrue(FileWalker.isImageName("A.JPG") && FileWalker.isImageName("b.Jpeg") && FileWalker.isImageName("c.png"));
        assertTrue(!FileWalker.isImageName("d.gif") && !FileWalker.isImageName("jpg"));
        assertTrue(FileWalker.isHidden(Path.of("x/.ipynb_checkpoints")) && FileWalker.isHidden(Path.of("__MACOSX")));
        assertTrue(!FileWalker.isHidden(Path.of("x/glioma")));
    }

    @Test
    void realDataWalkCountsWhatTheScanCounts() {
        Path root = RealData.rootOrSkip();
        // 5,708 Training + 1,311 Testing, as RealDataAuditTest asserts for the scan; the walk only lists names.
        assertEquals(7019, FileWalker.list(root).images().size());
    }
}
