package org.mriworkbench.data;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.mriworkbench.phantom.PhantomConfig;
import org.mriworkbench.phantom.PhantomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateAuditTest {

    @TempDir
    static Path dir;
    static DatasetIndex index;
    static AuditReport report;

    /** A small phantom set plus planted copies: one byte-identical leak, one re-encoded leak, one within Training. */
    @BeforeAll
    static void plant() throws IOException {
        Path root = dir.resolve("set");
        new PhantomGenerator(PhantomConfig.builder().optSeed(7).optImageSize(96).optTrainingPerClass(6)
                .optTestingPerClass(3).build()).writeDataset(root);
        Path src = first(root.resolve("Training/glioma"));
        Files.copy(src, root.resolve("Testing/glioma/leak-exact.jpg"));
        Path src2 = first(root.resolve("Training/meningioma"));
        reencode(src2, root.resolve("Testing/meningioma/leak-reencoded.jpg"), 0.5f);
        Files.copy(first(root.resolve("Training/notumor")), root.resolve("Training/notumor/zz-copy.jpg"));
        index = DatasetScanner.create().scan(root);
        report = DuplicateAudit.run(index, AuditConfig.DEFAULT);
    }

    @Test
    void findsExactGroupsAndTheirSplits() {
        assertEquals(2, report.exactGroups().size(), report.groupsTable(false).print());
        assertEquals(1, report.exactGroupsSpanningSplits());
        assertEquals(1, report.leakage().testingWithExactCopy());
        assertTrue(report.mixedLabelExactGroups().isEmpty());
        assertEquals(2, report.redundantExactCopies());
    }

    @Test
    void confirmsReencodedCopyAsNearDuplicateAndCountsItAsLeakage() {
        int a = position("Testing/meningioma/leak-reencoded.jpg");
        int b = position(pathOfFirst("Training/meningioma/"));
        assertEquals(report.clusterOf()[a], report.clusterOf()[b], "re-encoded copy must join its original");
        assertTrue(report.nearPairs().stream().anyMatch(p -> p.a() == Math.min(a, b) && p.b() == Math.max(a, b)
                && p.correlation() > 0.99));
        assertEquals(2, report.leakage().testingWithAnyCopy());
    }

    @Test
    void distinctPhantomsAreNotMerged() {
        // Every other image is its own cluster: the planted copies are the only clusters.
        assertEquals(3, report.clusters().size(), report.groupsTable(true).print());
        assertEquals(2, report.largestCluster());
    }

    @Test
    void pixelCheckRejectsHashOnlyMatches() {
        AuditReport loose = DuplicateAudit.run(index, new AuditConfig(64, 1.0));
        assertTrue(loose.candidatePairs() > 0);
        assertTrue(loose.nearPairs().stream().allMatch(p -> p.correlation() >= 1.0));
        AuditReport hashOnly = DuplicateAudit.run(index, new AuditConfig(64, -1.0));
        assertEquals(1, hashOnly.clusters().size(), "with no pixel check everything chains together");
    }

    @Test
    void correlationOfFlatImageIsZeroNotNaN() {
        assertEquals(0.0, DuplicateAudit.correlation(new float[16], new float[16]));
    }

    @Test
    void summaryTableNamesEveryHeadlineFigure() {
        String s = report.summaryTable().printAll();
        assertTrue(s.contains("Testing images with a byte-identical copy in Training"));
        assertFalse(report.groupsTable(true).isEmpty());
    }

    private static int position(String path) {
        for (int i = 0; i < index.size(); i++) {
            if (index.get(i).path().equals(path)) {
                return i;
            }
        }
        throw new AssertionError("not indexed: " + path);
    }

    private static String pathOfFirst(String prefix) {
        return index.records().stream().map(ImageRecord::path).filter(p -> p.startsWith(prefix)).findFirst()
                .orElseThrow();
    }

    private static Path first(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
        }
    }

    static void reencode(Path src, Path dst, float quality) throws IOException {
        BufferedImage img = ImageIO.read(src.toFile());
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter w = it.next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(quality);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(dst.toFile())) {
            w.setOutput(out);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
    }
}
