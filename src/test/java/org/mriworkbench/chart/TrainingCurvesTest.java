package org.mriworkbench.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.Table;

class TrainingCurvesTest {

    @Test
    void lossChartHasTrainValidationAndLearningRateOnTheRightAxis() {
        XYChart c = TrainingCurves.loss(ChartFixtures.history());
        assertEquals("Loss per epoch", c.getTitle());
        assertEquals("epoch", c.getXAxisTitle());
        assertEquals("loss", c.getYAxisGroupTitle(0));
        assertEquals("learning rate (x 1e-3)", c.getYAxisGroupTitle(1));
        assertEquals(List.of("train loss", "validation loss", TrainingCurves.LEARNING_RATE_SERIES),
                ChartFixtures.seriesNames(c));
        XYSeries lr = c.getSeries(TrainingCurves.LEARNING_RATE_SERIES);
        assertEquals(1, lr.getYAxisGroup());
        assertEquals(12, lr.getXData().length);
        assertEquals(1.0, lr.getYData()[0], 1e-12, "1e-3 in units of 1e-3");
        assertEquals(0.1, lr.getYData()[11], 1e-12);
        assertTrue(Double.isNaN(c.getSeries("validation loss").getYData()[6]), "missing epoch stays a gap");
        assertTrue(c.getStyler().isLegendVisible());
        ChartFixtures.assertRenders(c, 900, 560);
    }

    @Test
    void accuracyChartIsCappedAtOne() {
        XYChart c = TrainingCurves.accuracy(ChartFixtures.history(), ChartStyle.notebook().withSize(600, 400));
        assertEquals(List.of("train accuracy", "validation accuracy", TrainingCurves.LEARNING_RATE_SERIES),
                ChartFixtures.seriesNames(c));
        assertEquals(1.0, c.getStyler().getYAxisMax(0));
        ChartFixtures.assertRenders(c, 600, 400);
    }

    @Test
    void missingColumnIsNamed() {
        Table t = ChartFixtures.history().removeColumns("learning_rate");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingCurves.loss(t));
        assertTrue(e.getMessage().contains("learning_rate"), e.getMessage());
    }
}
