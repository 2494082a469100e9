package org.mriworkbench.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mriworkbench.data.Task;
import org.mriworkbench.eval.ConfusionMatrix;

class ConfusionMatrixChartTest {

    @Test
    void cellsCarryCountAndRowRate() {
        ConfusionMatrixChart c = ConfusionMatrixChart.of(ChartFixtures.confusion(), Task.FOUR_CLASS.classNames());
        assertEquals("Confusion matrix (n=1311)", c.getTitle());
        assertEquals("predicted class", c.getXAxisTitle());
        assertEquals("true class", c.getYAxisTitle());
        assertEquals("row rate", c.getLegendTitle());
        assertEquals(List.of("250", "83.3%"), c.cellText(0, 0));
        assertEquals(List.of("38", "12.7%"), c.cellText(0, 1));
        assertEquals(List.of("0", "0.0%"), c.cellText(3, 0));
        BufferedImage img = ChartFixtures.assertRenders(c, 900, 560);
        assertNotEquals(img.getRGB(10, 10), img.getRGB(450, 300), "something was painted");
    }

    @Test
    void anEmptyClassReadsNotApplicableInGrey() {
        ConfusionMatrix cm = ConfusionMatrix.ofCounts(new int[][] {{5, 1}, {0, 0}});
        ConfusionMatrixChart c = ConfusionMatrixChart.of(cm, Task.BINARY.classNames(), "binary",
                ChartStyle.notebook().withSize(500, 400));
        assertEquals(List.of("0", "n/a"), c.cellText(1, 0));
        assertEquals(new Color(235, 235, 235), ConfusionMatrixChart.rateColor(Double.NaN));
        ChartFixtures.assertRenders(c, 500, 400);
    }

    @Test
    void darkerMeansHigherRate() {
        Color low = ConfusionMatrixChart.rateColor(0.05);
        Color high = ConfusionMatrixChart.rateColor(0.9);
        assertEquals(Color.WHITE, ConfusionMatrixChart.rateColor(0));
        assertEquals(true, low.getRed() > high.getRed() && low.getGreen() > high.getGreen());
    }

    @Test
    void namesMustMatchTheMatrix() {
        assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrixChart.of(ChartFixtures.confusion(), Task.BINARY.classNames()));
    }
}
