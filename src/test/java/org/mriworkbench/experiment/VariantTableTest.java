package org.mriworkbench.experiment;

import org.junit.jupiter.api.Test;
import org.mriworkbench.train.EpochStats;
import org.mriworkbench.train.TrainingResult;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.mriworkbench.eval.Predictions;

class VariantTableTest {

    private static ExperimentRunner.Outcome outcome(int correct, int n, double... valAccuracy) {
        int[] y = new int[n];
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            boolean right = i < correct;
            p[i] = (y[i] == 1) == right ? new double[] {0.2, 0.8} : new double[] {0.8, 0.2};
        }
        Predictions v = Predictions.of(List.of("NO_TUMOR", "TUMOR"), java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> "img" + i).toList(), y, p);
        List<EpochStats> h = new java.util.ArrayList<>();
        for (int e = 0; e < valAccuracy.length; e++) {
            h.add(new EpochStats(e, 0.5, 0.8, 0.6, valAccuracy[e], 1e-3, 10, 100 + e));
        }
        TrainingResult r = new TrainingResult(null, h, valAccuracy.length - 1, 0.6, TrainingResult.Status.COMPLETED,
                Path.of("run"));
        return new ExperimentRunner.Outcome(Path.of("run"), r, v, v, null);
    }

    @Test
    void oneRowPerVariantWithValidationIntervalsAndSpeed() {
        Map<String, ExperimentRunner.Outcome> m = new LinkedHashMap<>();
        m.put("baseline", outcome(80, 100, 0.6, 0.7));
        m.put("augmented", outcome(90, 100, 0.5, 0.8, 0.9));
        Table t = VariantTable.validation("title", m);
        assertEquals(List.of("baseline", "augmented"), t.stringColumn("variant").asList());
        assertTrue(t.stringColumn("validation accuracy").get(0).startsWith("0.800 ["), t.print());
        assertTrue(t.stringColumn("validation accuracy").get(1).startsWith("0.900 ["), t.print());
        assertEquals(3, t.intColumn("epochs run").get(1));
        assertEquals(101.0, t.doubleColumn("training images/s").get(1), 1e-9);
        assertArrayEquals(new double[] {0.5, 0.8, 0.9}, VariantTable.validationAccuracyCurves(m).get("augmented"));
    }
}
