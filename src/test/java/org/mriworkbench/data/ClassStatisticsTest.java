package org.mriworkbench.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassStatisticsTest {

    @Test
    void aClassFromAnotherSourceStandsOutInSizeAndBrightness(@TempDir Path dir) {
        TestImages.kaggleTree(dir, 2, 24, 16);
        // Two white 40x40 no-tumour images, as if from another scanner and another export.
        for (int i = 0; i < 2; i++) {
            BufferedImage white = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_GRAY);
            var g = white.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, 40, 40);
            g.dispose();
            TestImages.write(dir.resolve("Training/no_tumor/white_" + i + ".png"), TestImages.png(white));
        }
        DatasetIndex index = DatasetScanner.create().withThreads(2).scan(dir);
        Table t = ClassStatistics.of(index);
        assertEquals(4, t.rowCount());
        int none = t.stringColumn("class").indexOf("NO_TUMOR");
        int glioma = t.stringColumn("class").indexOf("GLIOMA");
        assertEquals(6, t.intColumn("images").get(none));
        assertEquals(4, t.intColumn("images").get(glioma));
        assertEquals(1.0, t.doubleColumn("share of images").sum(), 1e-9);
        assertEquals("24x16", t.stringColumn("most common size").get(glioma));
        assertEquals(1.0, t.doubleColumn("share at that size").get(glioma), 1e-9);
        assertEquals(4 / 6.0, t.doubleColumn("share at that size").get(none), 1e-9);
        assertTrue(t.doubleColumn("mean brightness").get(none) > t.doubleColumn("mean brightness").get(glioma),
                "the white images must raise the no-tumour mean");
    }
}
