package org.mriworkbench.reproduce;

import org.mriworkbench.data.TrainingSimilarity;
import org.mriworkbench.eval.Bootstrap;
import org.mriworkbench.eval.BootstrapInterval;
import org.mriworkbench.eval.Metrics;

import java.util.List;
import java.util.Map;
import org.mriworkbench.eval.Predictions;

/**
 * Test accuracy on the images that have a close training neighbour (thumbnail correlation at or above
 * {@link TrainingSimilarity#CLOSE}) and on those that do not. The leakage-free split removes copies above the audit's
 * threshold, but neighbouring slices of one patient just below it still fall on both sides; if accuracy on the close
 * part is much higher, part of a headline figure is recognition rather than generalisation.
 *
 * @param threshold     the correlation that counts as close
 * @param closeImages   test images with a training neighbour at r &ge; threshold
 * @param closeAccuracy accuracy on them (null when there are none)
 * @param farImages     the other test images
 * @param farAccuracy   accuracy on them (null when there are none)
 */
public record ClosenessSplit(double threshold, int closeImages, BootstrapInterval closeAccuracy, int farImages,
                             BootstrapInterval farAccuracy) {

    /**
     * Splits {@code test} by {@code nearest} (test image id to its highest correlation with a training image; an id
     * missing from the map counts as far) and bootstraps accuracy in each part, resampling the clusters of
     * {@code clusterOf} (image id to duplicate cluster; null or empty resamples images).
     */
    public static ClosenessSplit of(Predictions test, Map<String, Double> nearest, double threshold,
                                    Map<String, Integer> clusterOf, Bootstrap bootstrap) {
        List<String> ids = test.ids();
        int n = ids.size();
        boolean[] close = new boolean[n];
        int c = 0;
        for (int i = 0; i < n; i++) {
            Double r = nearest.get(ids.get(i));
            close[i] = r != null && r >= threshold;
            c += close[i] ? 1 : 0;
        }
        return new ClosenessSplit(threshold, c, accuracy(test, close, true, clusterOf, bootstrap), n - c,
                accuracy(test, close, false, clusterOf, bootstrap));
    }

    private static BootstrapInterval accuracy(Predictions test, boolean[] close, boolean want,
                                              Map<String, Integer> clusterOf, Bootstrap bootstrap) {
        int m = 0;
        for (boolean b : close) {
            m += b == want ? 1 : 0;
        }
        if (m == 0) {
            return null;
        }
        int[] y = new int[m];
        double[][] p = new double[m][];
        int[] cl = clusterOf == null || clusterOf.isEmpty() ? null : new int[m];
        int fresh = Integer.MIN_VALUE;
        int[] labels = test.labels();
        double[][] probs = test.probabilities();
        int j = 0;
        for (int i = 0; i < close.length; i++) {
            if (close[i] == want) {
                y[j] = labels[i];
                p[j] = probs[i];
                if (cl != null) {
                    Integer k = clusterOf.get(test.ids().get(i));
                    cl[j] = k != null ? k : fresh++;
                }
                j++;
            }
        }
        return bootstrap.interval(Metrics.ACCURACY, y, p, cl);
    }
}
