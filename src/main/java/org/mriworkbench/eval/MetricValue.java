package org.mriworkbench.eval;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A metric value that may be undefined. Statistics such as AUC are undefined on some samples (one class only),
 * and a bootstrap resample hits such samples by chance; returning NaN plus a human-readable reason keeps the
 * bootstrap running and still tells a reader why a cell in a report is empty. Exceptions are reserved for
 * malformed input (mismatched lengths, labels out of range), which no resample of valid input can produce.
 *
 * @param value  the metric, or NaN when undefined
 * @param reason why the value is undefined; empty when it is defined
 */
public record MetricValue(double value, String reason) {

    public MetricValue {
        reason = reason == null ? "" : reason;
        if (Double.isNaN(value) && reason.isEmpty()) {
            reason = "undefined";
        }
    }

    /** A defined value; a NaN passed here still gets a generic reason. */
    public static MetricValue of(double value) {
        return new MetricValue(value, "");
    }

    /** An undefined value with the reason it is undefined. */
    public static MetricValue undefined(String reason) {
        return new MetricValue(Double.NaN, reason);
    }

    /** True when the value is a number. */
    @JsonIgnore
    public boolean isDefined() {
        return !Double.isNaN(value);
    }
}
