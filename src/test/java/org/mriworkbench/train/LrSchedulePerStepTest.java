package org.mriworkbench.train;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.mriworkbench.chart.ComparisonCurves;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LrSchedulePerStepTest {

    @Test
    void cosineFallsFromTheBaseRateAndWarmupRampsUp() {
        double[] cos = LrSchedule.perStep(LrSchedule.byName("cosine"), 1e-3, 0, 10, 5);
        assertEquals(50, cos.length);
        assertEquals(1e-3, cos[0], 1e-12);
        for (int i = 1; i < cos.length; i++) {
            assertTrue(cos[i] <= cos[i - 1], "cosine must not rise at step " + i);
        }
        assertTrue(cos[49] < 1e-4);
        double[] warm = LrSchedule.perStep(new LrSchedule.Constant(), 1e-3, 2, 10, 5);
        assertEquals(1e-4, warm[0], 1e-12);
        assertEquals(1e-3, warm[9], 1e-12);
        assertEquals(1e-3, warm[30], 1e-12);
    }

    @Test
    void theSchedulesChartHasOneSeriesPerScheduleInEpochs() {
        Map<String, double[]> rates = new LinkedHashMap<>();
        for (String s : new String[] {"cosine", "step", "one-cycle"}) {
            rates.put(s, LrSchedule.perStep(LrSchedule.byName(s), 1e-3, 0, 4, 10));
        }
        XYChart c = ComparisonCurves.learningRates("schedules", rates, 10);
        assertEquals(3, c.getSeriesCollection().size());
        double[] x = c.getSeriesCollection().stream().filter(s -> s.getName().equals("cosine")).findFirst()
                .orElseThrow().getXData();
        assertEquals(0.0, x[0]);
        assertEquals(3.9, x[39], 1e-9);
    }
}
