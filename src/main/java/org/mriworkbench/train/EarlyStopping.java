package org.mriworkbench.train;

/**
 * Stop when the validation loss has not improved by more than {@code minDelta} for {@code patience} epochs in a
 * row (Prechelt, "Early Stopping - But When?", 1998). Validation <em>loss</em> rather than accuracy is watched
 * because it moves smoothly and also catches growing over-confidence, which accuracy hides.
 *
 * @param patience    epochs without improvement tolerated; 0 disables early stopping
 * @param minDelta    how much lower than the best a loss must be to count as an improvement, &ge; 0
 * @param restoreBest whether the returned network is the best epoch's rather than the last one's
 */
public record EarlyStopping(int patience, double minDelta, boolean restoreBest) {

    public EarlyStopping {
        if (patience < 0 || !(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("need patience >= 0 and finite minDelta >= 0, got " + patience + ", "
                    + minDelta);
        }
    }

    /** No early stopping; the last epoch's network is returned. */
    public static EarlyStopping disabled() {
        return new EarlyStopping(0, 0, false);
    }

    /** Early stopping with {@code patience}, minDelta 1e-4, restoring the best network. */
    public static EarlyStopping of(int patience) {
        return new EarlyStopping(patience, 1e-4, true);
    }

    /** Whether early stopping can end a run. */
    public boolean enabled() {
        return patience > 0;
    }

    /** Whether {@code loss} counts as an improvement over {@code best}. */
    public boolean improves(double loss, double best) {
        return loss < best - minDelta;
    }
}
