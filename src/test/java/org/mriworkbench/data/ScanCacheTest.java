package org.mriworkbench.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.mriworkbench.phantom.PhantomConfig;
import org.mriworkbench.phantom.PhantomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanCacheTest {

    @TempDir
    Path dir;

    @Test
    void secondScanComesFromCacheAndAnyChangeInvalidatesIt() throws Exception {
        Path root = dir.resolve("set");
        new PhantomGenerator(PhantomConfig.builder().optSeed(9).optImageSize(64).optTrainingPerClass(3)
                .optTestingPerClass(1).build()).writeDataset(root);
        Path cache = dir.resolve("cache");
        DatasetScanner scanner = DatasetScanner.create().withCache(cache);
        DatasetIndex first = scanner.scan(root);
        assertTrue(Files.list(cache).anyMatch(p -> p.getFileName().toString().startsWith("index-")));

        // Overwrite one image with garbage of the same size and restore its time: a cache hit cannot notice.
        Path victim = root.resolve(first.get(0).path());
        FileTime time = Files.getLastModifiedTime(victim);
        byte[] garbage = new byte[(int) Files.size(victim)];
        Files.write(victim, garbage);
        Files.setLastModifiedTime(victim, time);
        DatasetIndex cached = scanner.scan(root);
        assertEquals(first.fingerprint(), cached.fingerprint(), "served from cache");
        assertEquals(first.records(), cached.records());
        for (int i = 0; i < first.size(); i++) {
            assertTrue(java.util.Arrays.equals(first.thumbnail(i), cached.thumbnail(i)));
        }

        // A new modification time means a real scan, which finds the damage.
        Files.setLastModifiedTime(victim, FileTime.fromMillis(time.toMillis() + 5000));
        DatasetIndex rescanned = scanner.scan(root);
        assertEquals(first.size() - 1, rescanned.size());
        assertTrue(rescanned.issues().stream().anyMatch(s -> s.path().equals(first.get(0).path())
                && s.kind() == ScanIssue.Kind.UNREADABLE_IMAGE));
    }

    @Test
    void damagedCacheFileIsIgnored() throws Exception {
        Path root = dir.resolve("set");
        new PhantomGenerator(PhantomConfig.builder().optSeed(9).optImageSize(64).optTrainingPerClass(2)
                .optTestingPerClass(1).build()).writeDataset(root);
        Path cache = dir.resolve("cache");
        DatasetIndex first = DatasetScanner.create().withCache(cache).scan(root);
        try (var s = Files.list(cache)) {
            for (Path p : s.toList()) {
                byte[] b = Files.readAllBytes(p);
                Files.write(p, java.util.Arrays.copyOf(b, b.length / 2));
            }
        }
        DatasetIndex again = DatasetScanner.create().withCache(cache).scan(root);
        assertEquals(first.fingerprint(), again.fingerprint());
    }
}
