package org.mriworkbench.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.IChart;

class ChartExportTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path dir;

    @Test
    void pngAtScreenDpiHasTheChartSize() throws IOException {
        XYChart chart = TrainingCurves.loss(ChartFixtures.history());
        Path f = ChartExport.png(chart, dir.resolve("sub/loss.png"));
        assertPng(f, 900, 560);
    }

    @Test
    void pngAtHigherDpiIsScaledAndKeepsTheName() throws IOException {
        XYChart chart = ChartFixtures.rocBuilder().optStyle(ChartStyle.notebook().withSize(300, 200)).build();
        Path f = ChartExport.png(chart, dir.resolve("roc-hires"), 144);
        assertEquals(dir.resolve("roc-hires"), f);
        assertPng(f, 600, 400);
        assertTrue(Files.list(dir).allMatch(p -> p.getFileName().toString().equals("roc-hires")), "no stray files");
    }

    @Test
    void svgIsXmlForXChartAndForTheConfusionMatrix() throws IOException {
        for (IChart chart : new IChart[] {TrainingCurves.loss(ChartFixtures.history()),
                ConfusionMatrixChart.of(ChartFixtures.confusion(), ChartFixtures.FOUR)}) {
            Path f = ChartExport.svg(chart, dir.resolve(chart.getClass().getSimpleName()));
            String head = new String(Arrays.copyOf(Files.readAllBytes(f), 200), StandardCharsets.UTF_8).strip();
            assertTrue(head.startsWith("<?xml") || head.startsWith("<svg"), head);
            assertTrue(Files.readString(f).contains("</svg>"));
        }
    }

    @Test
    void anyImageAsPng() throws IOException {
        BufferedImage overlay = Overlays.heatmap(OverlaysTest.disc(32), OverlaysTest.blob(4, 1, 2), 4, 4, 0.5);
        assertPng(ChartExport.png(overlay, dir.resolve("overlay.png")), 32, 32);
    }

    private static void assertPng(Path f, int width, int height) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        assertTrue(bytes.length > 100, "PNG is empty");
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, 4));
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(width, img.getWidth());
        assertEquals(height, img.getHeight());
    }
}
