package org.mriworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsTest {

    @TempDir
    Path tmp;

    @Test
    void csvRoundTripsExactlyIncludingAwkwardIds() throws Exception {
        Predictions p = Predictions.of(List.of("NO_TUMOR", "TUMOR"), List.of("no/1.jpg", "yes/a, \"b\".jpg", "yes/3.png"),
                new int[] {0, 1, 1}, new double[][] {{0.9, 0.1}, {1.0 / 3, 2.0 / 3}, {0.2, 0.8}});
        Path f = tmp.resolve("predictions.csv");
        p.write(f);
        assertEquals(p, Predictions.read(f));
        assertTrue(Files.readAllLines(f).get(0).equals("id,true_label,true_index,p_NO_TUMOR,p_TUMOR"));
        assertEquals(1.0, p.report().accuracy(), 1e-12);
    }

    @Test
    void malformedFilesNameFileAndLine() throws Exception {
        Path f = tmp.resolve("predictions.csv");
        Files.writeString(f, "id,true_label,true_index,p_A,p_B\nx,A,0,0.5\n");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> Predictions.read(f));
        assertTrue(e.getMessage().contains(f + " line 2"), e.getMessage());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> Predictions.read(tmp.resolve("none.csv")));
    }
}
