package org.mriworkbench.eval;

/**
 * A threshold chosen on validation data to meet a sensitivity target, with how it performed there. Keeping the
 * validation point next to the threshold makes it obvious that test-set sensitivity must be measured afresh
 * (with {@link OperatingPoints#at}) and may fall below the target.
 *
 * @param targetSensitivity the constraint, e.g. 0.98
 * @param validation        the operating point on the validation data; its threshold is the chosen one
 * @param reason            why no threshold could be chosen (then the threshold is NaN); empty otherwise
 */
public record ThresholdChoice(double targetSensitivity, OperatingPoint validation, String reason) {

    public ThresholdChoice {
        reason = reason == null ? "" : reason;
    }

    /** The chosen cut-off; NaN when none could be chosen. */
    public double threshold() {
        return validation.threshold();
    }
}
