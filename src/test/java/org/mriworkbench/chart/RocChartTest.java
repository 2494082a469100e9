package org.mriworkbench.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.mriworkbench.eval.BootstrapInterval;
import org.mriworkbench.eval.Ranking;
import org.mriworkbench.eval.RocCurve;

class RocChartTest {

    @Test
    void legendCarriesAucAndIntervalAndTheChanceLineIsLast() {
        RocCurve curve = Ranking.rocCurve(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8});
        XYChart c = RocChart.builder()
                .add("cnn", curve, new BootstrapInterval(0.973, 0.961, 0.984, 0.95, 2000, 0, 1))
                .add("no ci", curve, 0.75)
                .build();
        assertEquals(List.of("cnn (AUC 0.973 [0.961, 0.984])", "no ci (AUC 0.750)", RocChart.CHANCE),
                ChartFixtures.seriesNames(c));
        assertEquals("ROC curve", c.getTitle());
        assertEquals("false-positive rate (1 - specificity)", c.getXAxisTitle());
        assertEquals("true-positive rate (sensitivity)", c.getYAxisTitle());
        assertEquals(5, c.getSeries("no ci (AUC 0.750)").getXData().length);
        ChartFixtures.assertRenders(c, 900, 560);
    }

    @Test
    void severalRunsRenderAtAnotherSize() {
        XYChart c = ChartFixtures.rocBuilder().optTitle("Test ROC").optStyle(ChartStyle.notebook().withSize(640, 480))
                .build();
        assertEquals(3, c.getSeriesCollection().size());
        assertEquals("Test ROC", c.getTitle());
        ChartFixtures.assertRenders(c, 640, 480);
    }

    @Test
    void anUndefinedCurveStaysInTheLegendWithoutPoints() {
        RocCurve onlyNegatives = Ranking.rocCurve(new int[] {0, 0}, new double[] {0.2, 0.7});
        XYChart c = RocChart.builder().add("empty", onlyNegatives,
                new BootstrapInterval(Double.NaN, Double.NaN, Double.NaN, 0.95, 10, 10, 1)).build();
        assertEquals("empty (AUC n/a [n/a])", ChartFixtures.seriesNames(c).get(0));
        ChartFixtures.assertRenders(c, 900, 560);
    }

    @Test
    void needsACurve() {
        assertThrows(IllegalStateException.class, () -> RocChart.builder().build());
    }
}
