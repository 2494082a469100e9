package org.mriworkbench.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.mriworkbench.eval.PrecisionRecallCurve;
import org.mriworkbench.eval.Ranking;

class PrecisionRecallChartTest {

    private static final int[] Y = {1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
    private static final double[] S = {0.9, 0.8, 0.55, 0.3, 0.7, 0.6, 0.4, 0.2, 0.1, 0.05};

    @Test
    void legendCarriesApAndOneNoSkillLineAtThePrevalence() {
        XYChart c = ChartFixtures.prBuilder().build();
        List<String> names = ChartFixtures.seriesNames(c);
        assertEquals(3, names.size());
        assertEquals(true, names.get(1).matches("wide \\(AP 0\\.\\d{3} \\[0\\.\\d{3}, 1\\.000\\]\\)"), names.get(1));
        assertEquals(true, names.get(2).startsWith("no skill (prevalence 0."), names.get(2));
        assertEquals("recall (sensitivity)", c.getXAxisTitle());
        assertEquals("precision (PPV)", c.getYAxisTitle());
        ChartFixtures.assertRenders(c, 900, 560);
    }

    @Test
    void theStepCurveEnclosesExactlyTheAveragePrecision() {
        PrecisionRecallCurve curve = Ranking.precisionRecallCurve(Y, S);
        double[][] step = PrecisionRecallChart.steps(curve);
        double area = 0;
        for (int i = 1; i < step[0].length; i++) {
            area += (step[0][i] - step[0][i - 1]) * step[1][i];
        }
        assertEquals(Ranking.averagePrecision(Y, S).value(), area, 1e-12);
        XYChart c = PrecisionRecallChart.builder().add("m", curve, 0.5).build();
        assertEquals("no skill (prevalence 0.400)", ChartFixtures.seriesNames(c).get(1));
    }

    @Test
    void sharesTheRocChartsBuilderOptionsWithItsOwnNames() {
        XYChart c = PrecisionRecallChart.builder().optTitle("Test PR")
                .add("m", Ranking.precisionRecallCurve(Y, S), 0.75).build();
        assertEquals("Test PR", c.getTitle());
        assertEquals("m (AP 0.750)", ChartFixtures.seriesNames(c).get(0));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PrecisionRecallChart.builder().build());
        assertEquals("add at least one precision-recall curve", e.getMessage());
        assertEquals("add at least one ROC curve",
                assertThrows(IllegalStateException.class, () -> RocChart.builder().build()).getMessage());
    }
}
