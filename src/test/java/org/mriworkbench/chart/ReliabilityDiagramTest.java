package org.mriworkbench.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.mriworkbench.eval.Calibration;
import org.mriworkbench.eval.ReliabilityBin;

class ReliabilityDiagramTest {

    @Test
    void titleCarriesTheSameEceAsCalibration() {
        int[] y = ChartFixtures.labels(400, 9);
        double[][] p = ChartFixtures.probs(ChartFixtures.scores(y, 2, 10));
        List<ReliabilityBin> bins = Calibration.reliabilityBins(y, p, 15);
        double ece = Calibration.expectedCalibrationError(y, p, 15);
        assertEquals(ece, ReliabilityDiagram.ece(bins), 1e-12);
        XYChart c = ReliabilityDiagram.of(bins);
        assertEquals(String.format(Locale.ROOT, "Reliability diagram (ECE %.3f, 15 bins, n=400)", ece),
                c.getTitle());
        assertEquals("confidence (top-label probability)", c.getXAxisTitle());
        assertEquals("accuracy", c.getYAxisGroupTitle(0));
        assertEquals("samples in bin", c.getYAxisGroupTitle(1));
        assertEquals(List.of(ReliabilityDiagram.ACCURACY, ReliabilityDiagram.DIAGONAL, ReliabilityDiagram.POINTS,
                ReliabilityDiagram.COUNTS), ChartFixtures.seriesNames(c));
        assertEquals(1, c.getSeries(ReliabilityDiagram.COUNTS).getYAxisGroup());
        assertEquals(15, c.getSeries(ReliabilityDiagram.COUNTS).getXData().length);
        assertEquals(4 * 15, c.getSeries(ReliabilityDiagram.ACCURACY).getXData().length);
        ChartFixtures.assertRenders(c, 900, 560);
    }

    @Test
    void emptyBinsDrawNoPoint() {
        List<ReliabilityBin> bins = List.of(new ReliabilityBin(0, 0.5, Double.NaN, Double.NaN, 0),
                new ReliabilityBin(0.5, 1, 0.8, 0.6, 10));
        XYChart c = ReliabilityDiagram.of(bins);
        assertEquals(1, c.getSeries(ReliabilityDiagram.POINTS).getXData().length);
        assertEquals(0.2, ReliabilityDiagram.ece(bins), 1e-12);
        ChartFixtures.assertRenders(c, 900, 560);
    }
}
