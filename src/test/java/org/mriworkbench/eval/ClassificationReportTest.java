package org.mriworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void fourClassReportAgreesWithTheFunctionsAndRoundTripsThroughJson() throws Exception {
        TestData d = TestData.grid(31, 200, 4, -1);
        ClassificationReport r = ClassificationReport.of(d.labels(), d.probs());
        assertEquals(ClassificationMetrics.accuracy(d.labels(), d.probs()), r.accuracy());
        assertEquals(Ranking.macroAuc(d.labels(), d.probs()), r.macroAuc());
        assertEquals(TumourDetection.auc(d.labels(), d.probs()), r.tumourAuc());
        assertEquals(4, r.perClass().size());
        String json = mapper.writeValueAsString(r);
        assertFalse(json.contains("\"defined\""), json);
        assertEquals(r, mapper.readValue(json, ClassificationReport.class));
    }

    @Test
    void binaryReportMarksTumourFieldsUndefinedAndStillRoundTrips() throws Exception {
        TestData d = TestData.binary(32, 50, 0.5, 1);
        ClassificationReport r = ClassificationReport.of(d.labels(), d.probs());
        assertTrue(Double.isNaN(r.tumourAuc().value()));
        assertTrue(r.tumourAuc().reason().contains("four-class"));
        ClassificationReport back = mapper.readValue(mapper.writeValueAsString(r), ClassificationReport.class);
        assertEquals(r, back);
    }
}
