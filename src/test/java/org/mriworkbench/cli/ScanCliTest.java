package org.mriworkbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.data.TestImages;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data commands' scan settings and skip summary, end to end. */
class ScanCliTest {

    @Test
    void maxPixelsRefusesLargeImagesAndTheSummaryGroupsByKind(@TempDir Path dir) throws Exception {
        Path data = TestImages.kaggleTree(dir.resolve("set"), 1, 16, 16);
        TestImages.write(data.resolve("Training/glioma/big.jpg"), TestImages.jpeg(TestImages.gray(64, 40, 3)));
        TestImages.write(data.resolve("Training/glioma/empty.jpg"), new byte[0]);
        Files.createSymbolicLink(data.resolve("Training/pituitary/loop"), Path.of("."));
        String out = CliRunner.runCapturingErrors(0, "data", "index", "--data", data.toString(),
                "--cache", dir.resolve("cache").toString(), "--max-pixels", "1000");
        assertTrue(out.matches("(?s).*\\R\\s+IMAGE_TOO_LARGE\\s+1\\R.*"), out);
        assertTrue(out.contains("Training/glioma/big.jpg") && out.contains("64 x 40"), out);
        assertTrue(out.contains("SYMLINK_LOOP") && out.contains("Training/pituitary/loop"), out);
        assertTrue(out.contains("Training/glioma/empty.jpg: empty file"), out);
        String defaults = CliRunner.runCapturingErrors(0, "data", "index", "--data", data.toString(),
                "--cache", dir.resolve("cache").toString());
        assertTrue(!defaults.contains("IMAGE_TOO_LARGE"), "64x40 is far below the default limit: " + defaults);
    }
}
