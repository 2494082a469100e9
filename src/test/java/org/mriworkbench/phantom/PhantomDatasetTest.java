package org.mriworkbench.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.core.Label;

/** Writing phantom data sets: layout, byte-identical reruns, and detection of incomplete generations. */
class PhantomDatasetTest {

    private static final PhantomConfig SMALL = PhantomConfig.builder().optSeed(99).optImageSize(64)
            .optTrainingPerClass(2).optTestingPerClass(1).build();

    @TempDir
    Path tmp;

    @Test
    void writesKaggleLayoutWithTruthReadmeAndMarker() throws IOException {
        Path root = tmp.resolve("phantoms");
        GeneratedDataset result = new PhantomGenerator(SMALL).writeDataset(root);

        assertFalse(result.reused());
        assertEquals(12, result.images());
        for (String cls : List.of("glioma", "meningioma", "notumor", "pituitary")) {
            assertEquals(2, jpegs(root.resolve("Training").resolve(cls)).size(), cls);
            assertEquals(1, jpegs(root.resolve("Testing").resolve(cls)).size(), cls);
        }
        List<String> truth = Files.readAllLines(root.resolve(PhantomGenerator.TRUTH_FILE));
        assertEquals("path,split,label,cx,cy,radius,seed", truth.get(0));
        assertEquals(13, truth.size());
        for (String row : truth.subList(1, truth.size())) {
            String[] f = row.split(",", -1);
            assertTrue(Files.isRegularFile(root.resolve(f[0])), row);
            assertEquals(f[2].equals("notumor"), f[3].isEmpty(), row);
            Label label = Label.fromFolderName(f[2]).orElseThrow();
            int index = Integer.parseInt(f[0].substring(f[0].length() - 8, f[0].length() - 4)) - 1;
            assertEquals(PhantomGenerator.imageSeed(99, f[1], label, index), Long.parseLong(f[6]), row);
        }
        assertTrue(Files.readString(root.resolve("README.md")).contains("NOT medical images"));
        assertTrue(new PhantomGenerator(SMALL).ready(root));
        assertTrue(PhantomGenerator.isPhantomDataset(root));
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(List.of(root), siblings.toList(), "no temporary siblings may remain");
        }
    }

    @Test
    void writtenJpegsAreGrayscaleAndMatchTheRenderedPhantom() throws IOException {
        Path root = tmp.resolve("p");
        PhantomGenerator generator = new PhantomGenerator(SMALL);
        generator.writeDataset(root);
        BufferedImage img = ImageIO.read(root.resolve("Training/glioma/Tr-gl_0001.jpg").toFile());
        assertNotNull(img);
        assertEquals(64, img.getWidth());
        assertEquals(1, img.getRaster().getNumBands());
        Phantom phantom = generator.render(Label.GLIOMA, PhantomGenerator.imageSeed(99, "Training", Label.GLIOMA, 0));
        double diff = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                diff += Math.abs(img.getRaster().getSample(x, y, 0) / 255.0 - phantom.image().get(0, y, x));
            }
        }
        assertTrue(diff / (64 * 64) < 0.03, "mean JPEG error " + diff / (64 * 64));
    }

    @Test
    void sameSeedWritesIdenticalBytesAndOtherSeedDoesNot() throws IOException {
        Map<String, byte[]> a = contents(new PhantomGenerator(SMALL).writeDataset(tmp.resolve("a")).root());
        Map<String, byte[]> b = contents(new PhantomGenerator(SMALL).writeDataset(tmp.resolve("b")).root());
        assertEquals(a.keySet(), b.keySet());
        for (String file : a.keySet()) {
            assertArrayEquals(a.get(file), b.get(file), file);
        }
        PhantomConfig other = SMALL.toBuilder().optSeed(100).build();
        Map<String, byte[]> c = contents(new PhantomGenerator(other).writeDataset(tmp.resolve("c")).root());
        for (String file : a.keySet()) {
            if (file.endsWith(".jpg")) {
                assertFalse(java.util.Arrays.equals(a.get(file), c.get(file)), "same bytes for another seed: " + file);
            }
        }
    }

    @Test
    void moreImagesPerClassKeepsTheExistingOnes() throws IOException {
        Map<String, byte[]> small = contents(new PhantomGenerator(SMALL).writeDataset(tmp.resolve("s")).root());
        PhantomConfig larger = SMALL.toBuilder().optTrainingPerClass(3).build();
        Map<String, byte[]> large = contents(new PhantomGenerator(larger).writeDataset(tmp.resolve("l")).root());
        for (String file : small.keySet()) {
            if (file.endsWith(".jpg")) {
                assertArrayEquals(small.get(file), large.get(file), file);
            }
        }
    }

    @Test
    void folderWrittenBeforeThePackageMoveIsStillReady() throws IOException {
        // The generator lived in org.mriworkbench.data and wrote that name into its marker; such folders must be reused.
        Path root = tmp.resolve("old");
        PhantomGenerator generator = new PhantomGenerator(SMALL);
        generator.writeDataset(root);
        String marker = Files.readString(root.resolve(PhantomGenerator.MARKER));
        assertTrue(marker.contains("\"generator\": \"org.mriworkbench.data.PhantomGenerator\""), marker);
        assertTrue(generator.writeDataset(root).reused());
    }

    @Test
    void completeGenerationIsReusedAndIncompleteOrStaleOneIsRedone() throws IOException {
        Path root = tmp.resolve("phantoms");
        PhantomGenerator generator = new PhantomGenerator(SMALL);
        generator.writeDataset(root);
        assertTrue(generator.writeDataset(root).reused());

        // An interrupted run never wrote its marker.
        Files.delete(root.resolve(PhantomGenerator.MARKER));
        Files.delete(root.resolve("Training/glioma/Tr-gl_0002.jpg"));
        assertFalse(generator.ready(root));
        GeneratedDataset redone = generator.writeDataset(root);
        assertFalse(redone.reused());
        assertTrue(Files.isRegularFile(root.resolve("Training/glioma/Tr-gl_0002.jpg")));
        assertTrue(generator.ready(root));

        // A generation from another config is stale, and replaced.
        PhantomGenerator other = new PhantomGenerator(SMALL.toBuilder().optTrainingPerClass(1).build());
        assertFalse(other.ready(root));
        assertFalse(other.writeDataset(root).reused());
        assertFalse(Files.exists(root.resolve("Training/glioma/Tr-gl_0002.jpg")), "stale images must go");
        assertTrue(other.ready(root));
        assertFalse(generator.ready(root));
    }

    @Test
    void refusesToOverwriteAFolderThatIsNotPhantoms() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("precious"));
        Files.writeString(root.resolve("notes.txt"), "keep me");
        IOException e = assertThrows(IOException.class, () -> new PhantomGenerator(SMALL).writeDataset(root));
        assertTrue(e.getMessage().contains(root.toString()), e.getMessage());
        assertEquals("keep me", Files.readString(root.resolve("notes.txt")));
    }

    @Test
    void writtenFolderKeepsOrdinaryPermissions() throws IOException {
        Path reference = Files.createDirectory(tmp.resolve("reference"));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.getFileStore(reference).supportsFileAttributeView("posix"));
        Path root = new PhantomGenerator(SMALL).writeDataset(tmp.resolve("p")).root();
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(root));
    }

    private static List<Path> jpegs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jpg")).toList();
        }
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
