package org.mriworkbench.data;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mriworkbench.core.Label;
import org.mriworkbench.phantom.PhantomConfig;
import org.mriworkbench.phantom.PhantomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetSplitterTest {

    @TempDir
    static Path dir;
    static DatasetIndex index;
    static AuditReport audit;

    @BeforeAll
    static void data() throws IOException {
        Path root = dir.resolve("set");
        new PhantomGenerator(PhantomConfig.builder().optSeed(3).optImageSize(64).optTrainingPerClass(30)
                .optTestingPerClass(8).build()).writeDataset(root);
        // Plant leaks: three Training images copied into Testing, one of them re-encoded.
        try (var s = Files.list(root.resolve("Training/notumor"))) {
            var files = s.sorted().limit(3).toList();
            Files.copy(files.get(0), root.resolve("Testing/notumor/copy0.jpg"));
            Files.copy(files.get(1), root.resolve("Testing/notumor/copy1.jpg"));
            DuplicateAuditTest.reencode(files.get(2), root.resolve("Testing/notumor/copy2.jpg"), 0.6f);
        }
        index = DatasetScanner.create().scan(root);
        audit = DuplicateAudit.run(index, AuditConfig.DEFAULT);
    }

    @Test
    void groupedResplitKeepsEveryClusterInOneSubset() {
        for (long seed = 0; seed < 5; seed++) {
            DataSplit split = DatasetSplitter.split(index, audit, SplitConfig.DEFAULT.withSeed(seed));
            assertTrue(DatasetSplitter.isLeakageFree(split, audit), "seed " + seed);
            assertEquals(index.size(), split.size(Subset.TRAIN) + split.size(Subset.VALIDATION)
                    + split.size(Subset.TEST));
        }
    }

    @Test
    void groupedResplitIsStratified() {
        DataSplit split = DatasetSplitter.split(index, audit, SplitConfig.DEFAULT);
        for (Label l : new Label[] {Label.GLIOMA, Label.MENINGIOMA, Label.PITUITARY, Label.NO_TUMOR}) {
            int test = split.counts().get(Subset.TEST).get(l);
            int val = split.counts().get(Subset.VALIDATION).get(l);
            assertTrue(test >= 5 && test <= 7, l + " test " + test);
            assertTrue(val >= 5 && val <= 7, l + " validation " + val);
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        DataSplit a = DatasetSplitter.split(index, audit, SplitConfig.DEFAULT.withSeed(11));
        DataSplit b = DatasetSplitter.split(index, audit, SplitConfig.DEFAULT.withSeed(11));
        DataSplit c = DatasetSplitter.split(index, audit, SplitConfig.DEFAULT.withSeed(12));
        assertEquals(a.fingerprint(), b.fingerprint());
        assertNotEquals(a.fingerprint(), c.fingerprint());
    }

    @Test
    void officialTestDropsLeakingTestingImages() {
        DataSplit split = DatasetSplitter.split(index, audit,
                SplitConfig.DEFAULT.withMode(SplitConfig.Mode.OFFICIAL_TEST));
        assertTrue(DatasetSplitter.isLeakageFree(split, audit));
        var excluded = java.util.Arrays.stream(split.indices(Subset.EXCLUDED)).mapToObj(i -> index.get(i).path())
                .toList();
        // The planted copies are excluded; so may be a few phantoms whose heads correlate above the threshold.
        assertTrue(excluded.containsAll(java.util.List.of("Testing/notumor/copy0.jpg", "Testing/notumor/copy1.jpg",
                "Testing/notumor/copy2.jpg")), excluded.toString());
        for (int i : split.indices(Subset.EXCLUDED)) {
            assertEquals(Origin.TESTING, index.get(i).origin());
            assertTrue(split.exclusionReason(i).contains("copy in Training"));
            int cluster = audit.clusterOf()[i];
            assertTrue(java.util.stream.IntStream.range(0, index.size()).anyMatch(j -> audit.clusterOf()[j] == cluster
                    && index.get(j).origin() == Origin.TRAINING));
        }
        for (int i : split.indices(Subset.TEST)) {
            assertEquals(Origin.TESTING, index.get(i).origin());
        }
        assertTrue(split.countsTable().printAll().contains("EXCLUDED"));
    }

    @Test
    void auditOfAnotherIndexIsRefused() throws IOException {
        Path other = dir.resolve("other");
        new PhantomGenerator(PhantomConfig.builder().optSeed(4).optImageSize(64).optTrainingPerClass(2)
                .optTestingPerClass(1).build()).writeDataset(other);
        DatasetIndex otherIndex = DatasetScanner.create().scan(other);
        assertThrows(IllegalArgumentException.class, () -> DatasetSplitter.split(otherIndex, audit, SplitConfig.DEFAULT));
    }

    @Test
    void officialModeNeedsTrainingAndTestingFolders() throws IOException {
        Path flat = dir.resolve("flat");
        Files.createDirectories(flat);
        try (var s = Files.list(index.root().resolve("Training"))) {
            for (Path cls : s.toList()) {
                Path target = Files.createDirectories(flat.resolve(cls.getFileName()));
                try (var f = Files.list(cls)) {
                    for (Path p : f.limit(3).toList()) {
                        Files.copy(p, target.resolve(p.getFileName()));
                    }
                }
            }
        }
        DatasetIndex flatIndex = DatasetScanner.create().scan(flat);
        AuditReport flatAudit = DuplicateAudit.run(flatIndex, AuditConfig.DEFAULT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetSplitter.split(
                flatIndex, flatAudit, SplitConfig.DEFAULT.withMode(SplitConfig.Mode.OFFICIAL_TEST)));
        assertTrue(e.getMessage().contains("grouped-resplit"));
    }
}
