package org.mriworkbench.reproduce;

import org.mriworkbench.core.ArgMax;
import org.mriworkbench.eval.DeLong;
import org.mriworkbench.eval.McNemar;
import org.mriworkbench.eval.PairedComparison;
import org.mriworkbench.eval.TumourDetection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.experiment.RunFolder;

/**
 * A paired test between two reference runs on the same test images: McNemar on accuracy, DeLong on tumour AUC.
 * Two intervals that overlap do not show two models are alike, nor do two that barely miss show they differ; a paired
 * test uses the fact that the same hard images trouble both. Between a four-class and a binary run only the tumour
 * question is shared, so they are compared as tumour detectors (P(tumour) = 1 - P(no tumour) for the four-class one;
 * McNemar on the arg-max tumour / no-tumour call).
 *
 * @param runA       run A (its estimate is {@code result.estimateA()})
 * @param runB       run B
 * @param comparison what was compared, e.g. "four-class accuracy (McNemar)"
 * @param result     the test; {@code difference} is A − B
 */
public record ReferencePair(String runA, String runB, String comparison, PairedComparison result) {

    /** A named run folder with test predictions. */
    public record Run(String name, Path dir) {
    }

    /**
     * Every pair of {@code headline} runs (four-class: McNemar on accuracy, DeLong on tumour AUC), then the first
     * headline run against {@code baseline} (binary; tumour detection only) when it is given.
     */
    public static List<ReferencePair> compute(List<Run> headline, Run baseline) throws IOException {
        List<ReferencePair> out = new ArrayList<>();
        for (int i = 0; i < headline.size(); i++) {
            for (int j = i + 1; j < headline.size(); j++) {
                out.addAll(fourClass(headline.get(i), headline.get(j)));
            }
        }
        if (baseline != null && !headline.isEmpty()) {
            out.addAll(againstBinary(headline.get(0), baseline));
        }
        return List.copyOf(out);
    }

    /** McNemar on four-class accuracy and DeLong on tumour AUC between two four-class runs. */
    static List<ReferencePair> fourClass(Run a, Run b) throws IOException {
        Predictions pa = read(a);
        double[][] qb = aligned(pa, read(b), b);
        int[] y = pa.labels();
        double[][] qa = pa.probabilities();
        return List.of(
                new ReferencePair(a.name(), b.name(), "four-class accuracy (McNemar)", McNemar.compare(y, qa, qb)),
                new ReferencePair(a.name(), b.name(), "tumour AUC (DeLong)", DeLong.compare(
                        TumourDetection.tumourLabels(y), TumourDetection.tumourScores(qa),
                        TumourDetection.tumourScores(qb))));
    }

    /** A four-class run against a binary one, as tumour detectors. */
    static List<ReferencePair> againstBinary(Run fourClass, Run binary) throws IOException {
        Predictions pa = read(fourClass);
        double[][] qb = aligned(pa, read(binary), binary);
        int[] y = TumourDetection.tumourLabels(pa.labels());
        double[][] qa = pa.probabilities();
        double[] sa = TumourDetection.tumourScores(qa);
        double[] sb = new double[qb.length];
        boolean[] rightA = new boolean[y.length];
        boolean[] rightB = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            sb[i] = qb[i][1];
            int callA = ArgMax.of(qa[i]) == TumourDetection.NO_TUMOR_INDEX ? 0 : 1;
            rightA[i] = callA == y[i];
            rightB[i] = ArgMax.of(qb[i]) == y[i];
        }
        return List.of(
                new ReferencePair(fourClass.name(), binary.name(), "tumour vs no tumour, arg-max call (McNemar)",
                        McNemar.compare(rightA, rightB)),
                new ReferencePair(fourClass.name(), binary.name(), "tumour AUC (DeLong)", DeLong.compare(y, sa, sb)));
    }

    private static Predictions read(Run r) throws IOException {
        return Predictions.read(new RunFolder(r.dir()).predictions());
    }

    /** {@code b}'s probabilities in {@code a}'s image order; both runs must have predicted the same test images. */
    private static double[][] aligned(Predictions a, Predictions b, Run runB) throws IOException {
        Map<String, Integer> at = new HashMap<>();
        java.util.List<String> bIds = b.ids();
        for (int i = 0; i < bIds.size(); i++) {
            at.put(bIds.get(i), i);
        }
        double[][] qb = b.probabilities();
        double[][] out = new double[a.size()][];
        java.util.List<String> ids = a.ids();
        for (int i = 0; i < a.size(); i++) {
            Integer k = at.get(ids.get(i));
            if (k == null || a.size() != b.size()) {
                throw new IOException(runB.dir() + " did not predict the same test images as the run it is paired "
                        + "with (" + ids.get(i) + " is missing); paired tests need the same split");
            }
            out[i] = qb[k];
        }
        return out;
    }
}
