package org.mriworkbench.data;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import org.mriworkbench.core.Label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Facts of the real Kaggle set that the audit and the splitter must reproduce. The exact-duplicate figures come from
 * the data set's README; the near-duplicate figures are what the default thresholds found, after pairs at and below
 * the thresholds were inspected by eye (see the README's audit section).
 */
class RealDataAuditTest {

    static DatasetIndex index;
    static AuditReport audit;

    @BeforeAll
    static void scan() {
        index = DatasetScanner.create().scan(RealData.rootOrSkip());
        audit = DuplicateAudit.run(index, AuditConfig.DEFAULT);
    }

    @Test
    void exactDuplicatesMatchTheDataSetsDocumentation() {
        assertEquals(300, audit.exactGroups().size());
        assertEquals(189, audit.exactGroupsSpanningSplits());
        assertEquals(216, audit.leakage().testingWithExactCopy());
        assertEquals(0, audit.mixedLabelExactGroups().size());
    }

    @Test
    void nearDuplicatesReachFarBeyondExactCopies() {
        AuditReport.Leakage leak = audit.leakage();
        assertEquals(6476, audit.nearPairs().size());
        assertEquals(681, audit.clusters().size());
        assertEquals(42, audit.largestCluster());
        assertEquals(1, audit.mixedLabelClusters().size());
        assertEquals(621, leak.testingWithAnyCopy());
        // Almost every official Testing no-tumour image has a copy in Training.
        assertEquals(394, leak.anyByLabel().get(Label.NO_TUMOR));
        assertEquals(405, leak.testingByLabel().get(Label.NO_TUMOR));
        // At a strict r >= 0.99 (re-encodings only), still over a third of Testing leaks.
        AuditReport strict = DuplicateAudit.run(index, AuditConfig.DEFAULT.withMinCorrelation(0.99));
        assertEquals(486, strict.leakage().testingWithAnyCopy());
        assertTrue(strict.leakage().testingWithAnyCopy() > 1311 / 3);
    }

    @Test
    void groupedResplitIsLeakageFreeAndStratified() {
        DataSplit split = DatasetSplitter.split(index, audit, SplitConfig.DEFAULT);
        assertTrue(DatasetSplitter.isLeakageFree(split, audit));
        Map<Subset, Map<Label, Integer>> c = split.counts();
        assertEquals(0, split.size(Subset.EXCLUDED));
        for (Label l : new Label[] {Label.GLIOMA, Label.MENINGIOMA, Label.PITUITARY, Label.NO_TUMOR}) {
            int total = c.get(Subset.TRAIN).get(l) + c.get(Subset.VALIDATION).get(l) + c.get(Subset.TEST).get(l);
            double testShare = c.get(Subset.TEST).get(l) / (double) total;
            assertEquals(0.15, testShare, 0.01, l + " test share");
        }
    }

    @Test
    void officialTestKeepsOnlyAHandfulOfNoTumourImages() {
        DataSplit split = DatasetSplitter.split(index, audit, SplitConfig.DEFAULT.withMode(SplitConfig.Mode.OFFICIAL_TEST));
        assertTrue(DatasetSplitter.isLeakageFree(split, audit));
        assertEquals(621, split.size(Subset.EXCLUDED));
        assertEquals(11, split.counts().get(Subset.TEST).get(Label.NO_TUMOR));
    }
}
