package org.mriworkbench.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.phantom.PhantomConfig;
import org.mriworkbench.phantom.PhantomGenerator;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code explain} end to end: a one-epoch run on tiny phantoms, then an overlay for one of its images. */
class ExplainCliTest {

    @TempDir
    static Path dir;
    static Path run;
    static Path image;

    @BeforeAll
    static void trainATinyRun() throws Exception {
        Path data = dir.resolve("set");
        new PhantomGenerator(PhantomConfig.builder().optSeed(21).optImageSize(64).optTrainingPerClass(12)
                .optTestingPerClass(4).build()).writeDataset(data);
        Path runs = dir.resolve("runs");
        run(0, "train", "--name", "x", "--seed", "1", "--data", data.toString(), "--cache",
                dir.resolve("cache").toString(), "--size", "32", "--preset", "seed-baseline", "--epochs", "1",
                "--batch", "16", "--threads", "1", "--runs", runs.toString());
        try (Stream<Path> s = Files.list(runs)) {
            run = s.findFirst().orElseThrow();
        }
        try (Stream<Path> s = Files.walk(data)) {
            image = s.filter(p -> p.toString().matches(".*\\.(png|jpe?g)$")).sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void gradCamOverlayHasTheInputSizeAndIsNotBlank() throws Exception {
        Path png = dir.resolve("out/overlay.png");
        String out = run(0, "explain", run.toString(), image.toString(), "--out", png.toString(), "--threads", "1");
        assertTrue(out.contains("predicted") && out.contains("grad-cam map") && out.contains("NO_TUMOR"), out);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(32, img.getWidth(), "the overlay is drawn on the preprocessed (network input) image");
        assertEquals(32, img.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "overlay looks blank: " + colours.size() + " colours");
    }

    @Test
    void occlusionForANamedClassThroughTheModelFile() {
        Path png = dir.resolve("occ.png");
        String out = run(0, "explain", run.resolve("model.zip").toString(), image.toString(), "--method",
                "occlusion", "--target", "tumor", "--out", png.toString(), "--threads", "1");
        assertTrue(out.contains("occlusion map for TUMOR"), out);
        assertTrue(Files.isRegularFile(png));
    }

    @Test
    void corruptImageAndMissingModelAreClearErrors() throws Exception {
        Path bad = dir.resolve("corrupt.jpg");
        Files.write(bad, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x12});
        assertTrue(run(2, "explain", run.toString(), bad.toString()).contains("corrupt.jpg"));
        Path none = dir.resolve("no-such-run");
        assertTrue(run(2, "explain", none.toString(), image.toString()).contains("no-such-run"));
        assertTrue(run(2, "explain", run.toString(), image.toString(), "--target", "nonsense").contains("--target"));
    }

    /** Runs the CLI and returns stdout and stderr together. */
    private static String run(int expected, String... args) {
        return CliRunner.runCapturingErrors(expected, args);
    }
}
