package org.mriworkbench.data;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mriworkbench.core.Label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks the scanner against the real Kaggle brain-tumour MRI set as shared with the team (Training 5,708 images,
 * Testing 1,311). Runs only where the folder in system property {@code mri.shared.data} exists, unless
 * {@code mri.requireRealData=true}, which turns a missing folder into a failure (for machines that must have it).
 * The folder is scanned twice, once per class, because a scan decodes all 7,019 images.
 */
class RealDataScanTest {

    private static DatasetIndex first;
    private static DatasetIndex second;

    @BeforeAll
    static void scanTwice() {
        String prop = System.getProperty("mri.shared.data");
        boolean required = Boolean.parseBoolean(System.getProperty("mri.requireRealData", "false"));
        boolean present = prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop));
        if (!present) {
            if (required) {
                fail("mri.requireRealData=true but the real data set is missing: mri.shared.data=" + prop);
            }
            Assumptions.abort("real data set not found (mri.shared.data=" + prop + "); skipping");
        }
        DatasetScanner scanner = DatasetScanner.create();
        first = scanner.scan(Path.of(prop));
        second = scanner.scan(Path.of(prop));
    }

    @Test
    void splitSizes() {
        assertEquals(5708, first.count(Origin.TRAINING));
        assertEquals(1311, first.count(Origin.TESTING));
        assertEquals(7019, first.size());
        assertEquals(DatasetIndex.Layout.KAGGLE, first.layout());
    }

    @Test
    void perClassCounts() {
        assertEquals(Map.of(Label.GLIOMA, 1321, Label.MENINGIOMA, 1339, Label.NO_TUMOR, 1591,
                Label.PITUITARY, 1457), first.counts().get(Origin.TRAINING));
        assertEquals(Map.of(Label.GLIOMA, 300, Label.MENINGIOMA, 306, Label.NO_TUMOR, 405, Label.PITUITARY, 300),
                first.counts().get(Origin.TESTING));
    }

    @Test
    void noScanIssuesAndNoCheckpointCopies() {
        assertEquals(List.of(), first.issues());
        assertTrue(first.records().stream().noneMatch(r -> r.path().contains(".ipynb_checkpoints")
                || r.path().contains("-checkpoint")));
    }

    @Test
    void fingerprintIsStableAcrossScans() {
        assertEquals(first.fingerprint(), second.fingerprint());
        assertEquals(64, first.fingerprint().length());
    }
}
