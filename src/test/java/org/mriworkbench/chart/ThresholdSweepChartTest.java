package org.mriworkbench.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.mriworkbench.eval.OperatingPoint;
import org.mriworkbench.eval.OperatingPoints;

class ThresholdSweepChartTest {

    @Test
    void fourRatesAndANamedMarker() {
        XYChart c = ThresholdSweepChart.of(ChartFixtures.sweep(), 0.42);
        assertEquals(List.of(ThresholdSweepChart.SENSITIVITY, ThresholdSweepChart.SPECIFICITY,
                ThresholdSweepChart.PPV, ThresholdSweepChart.NPV, "chosen threshold 0.420"),
                ChartFixtures.seriesNames(c));
        assertArrayEquals(new double[] {0.42, 0.42}, c.getSeries("chosen threshold 0.420").getXData());
        assertEquals("Operating characteristics vs threshold", c.getTitle());
        assertEquals("threshold (positive iff score >= t)", c.getXAxisTitle());
        assertEquals("rate", c.getYAxisTitle());
        double[] x = c.getSeries(ThresholdSweepChart.SENSITIVITY).getXData();
        for (int i = 1; i < x.length; i++) {
            assertTrue(x[i] > x[i - 1], "thresholds ascend");
        }
        ChartFixtures.assertRenders(c, 900, 560);
    }

    @Test
    void undefinedRatesAreLeftOutAndNoMarkerWithoutAThreshold() {
        int[] y = {0, 0, 1};
        double[] s = {0.1, 0.2, 0.9};
        List<OperatingPoint> sweep = OperatingPoints.sweep(y, s, new double[] {0.05, 0.5, 0.95});
        assertTrue(Double.isNaN(sweep.get(2).ppv()));
        XYChart c = ThresholdSweepChart.of(sweep);
        assertEquals(4, c.getSeriesCollection().size());
        assertEquals(2, c.getSeries(ThresholdSweepChart.PPV).getXData().length);
        assertEquals(3, c.getSeries(ThresholdSweepChart.SENSITIVITY).getXData().length);
        ChartFixtures.assertRenders(c, 900, 560);
    }
}
