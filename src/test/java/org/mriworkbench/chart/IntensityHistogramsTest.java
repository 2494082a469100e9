package org.mriworkbench.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class IntensityHistogramsTest {

    @Test
    void oneTranslucentSeriesPerClassWithFractionsSummingToOne() {
        XYChart c = IntensityHistograms.of(ChartFixtures.intensities(), "mean intensity", 25);
        assertEquals("Distribution of mean intensity by class", c.getTitle());
        assertEquals("mean intensity", c.getXAxisTitle());
        assertEquals("fraction of class per bin", c.getYAxisTitle());
        assertEquals(List.of("GLIOMA (n=150)", "MENINGIOMA (n=190)", "NO_TUMOR (n=230)", "PITUITARY (n=270)"),
                ChartFixtures.seriesNames(c));
        for (XYSeries s : c.getSeriesCollection()) {
            double sum = 0;
            double[] y = s.getYData();
            for (int i = 1; i < y.length; i += 2) {
                sum += y[i];
            }
            assertEquals(1.0, sum, 1e-9, s.getName());
            assertTrue(s.getFillColor().getAlpha() < 255, "fills must be translucent to overlap");
        }
        ChartFixtures.assertRenders(c, 900, 560);
    }

    @Test
    void classesShareBinEdgesAndIgnoreNonFiniteValues() {
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("a", new double[] {0.0, 0.1, Double.NaN});
        v.put("b", new double[] {0.9, 1.0});
        XYChart c = IntensityHistograms.of(v, "pixel", 10, ChartStyle.notebook());
        assertEquals(List.of("a (n=2)", "b (n=2)"), ChartFixtures.seriesNames(c));
        assertEquals(List.of(c.getSeries("a (n=2)").getXData().length), List.of(c.getSeries("b (n=2)")
                .getXData().length));
        assertEquals(c.getSeries("a (n=2)").getXData()[5], c.getSeries("b (n=2)").getXData()[5]);
        assertThrows(IllegalArgumentException.class,
                () -> IntensityHistograms.of(Map.of("a", new double[] {Double.NaN}), "x", 5));
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(0.05, IntensityHistograms.niceStep(0.041), 1e-12);
        assertEquals(0.2, IntensityHistograms.niceStep(0.11), 1e-12);
        assertEquals(1.0, IntensityHistograms.niceStep(1.0), 1e-12);
        assertEquals(10.0, IntensityHistograms.niceStep(6.0), 1e-12);
    }
}
