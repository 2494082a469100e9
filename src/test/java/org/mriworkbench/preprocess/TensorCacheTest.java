package org.mriworkbench.preprocess;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.data.DatasetIndex;
import org.mriworkbench.data.DatasetScanner;
import org.mriworkbench.decode.ImageDecoder;
import org.mriworkbench.data.TestImages;
import org.mriworkbench.core.ProgressListener;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorCacheTest {

    private static final DatasetScanner SCANNER = DatasetScanner.create().withThreads(2);
    private static final Preprocessing PRE = Preprocessing.standard(16);

    @TempDir
    Path tmp;
    private Path data;
    private Path cacheDir;
    private final TensorCache cache = TensorCache.create().withThreads(2);

    @BeforeEach
    void makeData() {
        data = TestImages.kaggleTree(tmp.resolve("data"), 3, 30, 20);
        cacheDir = tmp.resolve("cache");
    }

    private static float[] all(PreprocessedSet s) {
        FloatBuffer b = s.data();
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void missThenHitGivesIdenticalData() throws Exception {
        DatasetIndex idx = SCANNER.scan(data);
        AtomicLong last = new AtomicLong();
        PreprocessedSet miss = cache.load(idx, PRE, cacheDir, (stage, done, total) -> last.accumulateAndGet(done,
                Math::max));
        assertEquals(PreprocessedSet.Status.MISS, miss.status());
        assertEquals(24, last.get());
        PreprocessedSet hit = cache.load(idx, PRE, cacheDir, ProgressListener.NONE);
        assertEquals(PreprocessedSet.Status.HIT, hit.status());
        assertArrayEquals(all(miss), all(hit));
        assertEquals(24, hit.n());
        assertEquals(1, hit.channels());
        assertEquals(16, hit.size());
        assertEquals(TensorCache.cacheFile(idx, PRE, cacheDir), hit.cacheFile());
        try (Stream<Path> files = Files.list(cacheDir)) {
            assertEquals(List.of(hit.cacheFile()), files.toList(), "no temporary files left behind");
        }
    }

    @Test
    void imagesAndLabelsAreAlignedWithTheIndex() throws Exception {
        DatasetIndex idx = SCANNER.scan(data);
        PreprocessedSet set = cache.load(idx, PRE, cacheDir, ProgressListener.NONE);
        for (int i = 0; i < idx.size(); i += 5) {
            assertEquals(PRE.apply(ImageDecoder.decodeGray(idx.file(i)).image()), set.image(i), "image " + i);
            assertEquals(idx.get(i), set.record(i));
            assertEquals(idx.get(i).label(), set.labels().get(i));
        }
        assertEquals(idx.fingerprint(), set.datasetFingerprint());
        assertEquals(PRE.fingerprint(), set.preprocessingFingerprint());
    }

    @Test
    void changingThePreprocessingChangesTheKey() {
        DatasetIndex idx = SCANNER.scan(data);
        cache.load(idx, PRE, cacheDir, ProgressListener.NONE);
        Preprocessing other = PRE.withDenoise(1);
        assertNotEquals(TensorCache.cacheFile(idx, PRE, cacheDir), TensorCache.cacheFile(idx, other, cacheDir));
        assertEquals(PreprocessedSet.Status.MISS, cache.load(idx, other, cacheDir, ProgressListener.NONE).status());
        assertEquals(PreprocessedSet.Status.HIT, cache.load(idx, PRE, cacheDir, ProgressListener.NONE).status());
    }

    @Test
    void changingAFileOrALabelChangesTheKey() throws IOException {
        DatasetIndex before = SCANNER.scan(data);
        Path original = TensorCache.cacheFile(before, PRE, cacheDir);
        TestImages.write(data.resolve("Training/glioma/glioma_0.jpg"),
                TestImages.jpeg(TestImages.rgbGray(30, 20, 99)));
        DatasetIndex changed = SCANNER.scan(data);
        assertNotEquals(original, TensorCache.cacheFile(changed, PRE, cacheDir));
        Files.move(data.resolve("Training/glioma/glioma_1.jpg"), data.resolve("Training/notumor/glioma_1.jpg"));
        DatasetIndex relabelled = SCANNER.scan(data);
        assertNotEquals(TensorCache.cacheFile(changed, PRE, cacheDir),
                TensorCache.cacheFile(relabelled, PRE, cacheDir));
    }

    @Test
    void truncatedCacheFileIsDetectedAndRebuilt() throws IOException {
        DatasetIndex idx = SCANNER.scan(data);
        float[] good = all(cache.load(idx, PRE, cacheDir, ProgressListener.NONE));
        Path file = TensorCache.cacheFile(idx, PRE, cacheDir);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 100);
        }
        PreprocessedSet rebuilt = cache.load(idx, PRE, cacheDir, ProgressListener.NONE);
        assertEquals(PreprocessedSet.Status.REBUILT, rebuilt.status());
        assertArrayEquals(good, all(rebuilt));
        assertEquals(PreprocessedSet.Status.HIT, cache.load(idx, PRE, cacheDir, ProgressListener.NONE).status());
    }

    @Test
    void corruptedSamplesFailTheChecksumAndAreRebuilt() throws IOException {
        DatasetIndex idx = SCANNER.scan(data);
        float[] good = all(cache.load(idx, PRE, cacheDir, ProgressListener.NONE));
        Path file = TensorCache.cacheFile(idx, PRE, cacheDir);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 7] ^= 0x40;
        Files.write(file, bytes);
        PreprocessedSet rebuilt = cache.load(idx, PRE, cacheDir, ProgressListener.NONE);
        assertEquals(PreprocessedSet.Status.REBUILT, rebuilt.status());
        assertArrayEquals(good, all(rebuilt));
    }

    @Test
    void foreignOrEmptyFilesAreNotMistakenForACache() throws IOException {
        DatasetIndex idx = SCANNER.scan(data);
        Path file = TensorCache.cacheFile(idx, PRE, cacheDir);
        Files.createDirectories(cacheDir);
        Files.write(file, new byte[0]);
        assertEquals(PreprocessedSet.Status.REBUILT, cache.load(idx, PRE, cacheDir, ProgressListener.NONE).status());
        Files.write(file, new byte[8192]);
        assertEquals(PreprocessedSet.Status.REBUILT, cache.load(idx, PRE, cacheDir, ProgressListener.NONE).status());
    }

    @Test
    void fileChangedSinceTheScanAsksForARescan() throws IOException {
        DatasetIndex idx = SCANNER.scan(data);
        TestImages.write(data.resolve("Testing/pituitary/pituitary_2.jpg"), TestImages.truncatedJpeg(30, 20, 5));
        Files.delete(data.resolve("Training/glioma/glioma_0.jpg"));
        StaleIndexException e = assertThrows(StaleIndexException.class,
                () -> cache.load(idx, PRE, cacheDir, ProgressListener.NONE));
        assertEquals(2, e.count());
        assertTrue(e.getMessage().contains("scan the data set again"), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("Training/glioma/glioma_0.jpg: file no longer")),
                e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("Testing/pituitary/pituitary_2.jpg: content")),
                e.problems().toString());
        assertTrue(Files.notExists(TensorCache.cacheFile(idx, PRE, cacheDir)));
    }

    @Test
    void pipelinesWithoutAFixedSquareSizeAreRejected() {
        DatasetIndex idx = SCANNER.scan(data);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cache.load(idx, Preprocessing.of(new Grayscale()), cacheDir, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("ResizePad"), e.getMessage());
    }

    @Test
    void setIsReadOnly() {
        PreprocessedSet set = cache.load(SCANNER.scan(data), PRE, cacheDir, ProgressListener.NONE);
        assertThrows(java.nio.ReadOnlyBufferException.class, () -> set.data().put(0, 1f));
        float[] px = set.image(3).pixels();
        px[0] = 42f;
        assertNotEquals(42f, set.image(3).pixels()[0]);
    }
}
