package org.mriworkbench.chart;

import java.util.Locale;
import org.mriworkbench.eval.BootstrapInterval;

/** Legend text shared by the curve charts, so every chart writes a metric and its interval the same way. */
final class Legends {

    private Legends() {
    }

    /** {@code "name (AUC 0.973 [0.961, 0.984])"}; an undefined bound reads "n/a", an undefined estimate "n/a". */
    static String withInterval(String name, String metric, BootstrapInterval ci) {
        String s = name + " (" + metric + " " + num(ci.estimate());
        if (!Double.isNaN(ci.lower()) || !Double.isNaN(ci.upper())) {
            s += " [" + num(ci.lower()) + ", " + num(ci.upper()) + "]";
        } else {
            s += " [n/a]";
        }
        return s + ")";
    }

    /** {@code "name (AUC 0.973)"}. */
    static String withValue(String name, String metric, double value) {
        return name + " (" + metric + " " + num(value) + ")";
    }

    static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
