package org.mriworkbench.kernel;

import org.mriworkbench.eval.BootstrapInterval;
import org.mriworkbench.eval.MetricValue;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Readable text and HTML for the workbench's result values: records as a field/value table, a list of records of one
 * type as a table with a row each, maps as key/value tables, and every number rounded to what a reader can use
 * ({@code 0.826}, an interval as {@code 0.826 [0.803, 0.848]}) instead of Java's {@code 0.5083333333333333} or a
 * record's one-line {@code PairedComparison[method=...]}.
 *
 * <p>Nested values are shown inline, as short text, so that a table never grows a table in each cell: a nested
 * record or a long array becomes its type and size, which is enough to know what to ask for next.
 */
final class ValueHtml {

    /** Array or list elements shown inline before the rest is summarised as a count. */
    static final int INLINE_ELEMENTS = 8;

    private ValueHtml() {
    }

    /**
     * A number as a person reads it: whole numbers without decimals, others with three decimals, very small ones
     * with three significant digits, NaN as "undefined".
     */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "undefined";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "-\u221e";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a < 0.01) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** An interval as {@code 0.826 [0.803, 0.848]}, the project's one format for a metric with its uncertainty. */
    static String interval(BootstrapInterval b) {
        if (Double.isNaN(b.lower()) || Double.isNaN(b.upper())) {
            return number(b.estimate()) + " [no valid resample]";
        }
        return number(b.estimate()) + " [" + number(b.lower()) + ", " + number(b.upper()) + "]";
    }

    /** A metric value, or "undefined (why)". */
    static String metric(MetricValue m) {
        return m.isDefined() ? number(m.value()) : "undefined (" + m.reason() + ")";
    }

    /** Short text for any value, for a table cell or a {@code text/plain} line. */
    static String inline(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double || v instanceof Float) {
            return number(((Number) v).doubleValue());
        }
        if (v instanceof BootstrapInterval b) {
            return interval(b);
        }
        if (v instanceof MetricValue m) {
            return metric(m);
        }
        if (v instanceof Optional<?> o) {
            return o.map(ValueHtml::inline).orElse("none");
        }
        if (v.getClass().isArray()) {
            return elements(v.getClass().getComponentType().getSimpleName(), arrayToList(v));
        }
        if (v instanceof Collection<?> c) {
            return elements(null, new ArrayList<>(c));
        }
        if (v instanceof Map<?, ?> m) {
            return "map of " + m.size() + (m.size() == 1 ? " entry" : " entries");
        }
        if (v instanceof Record) {
            return v.getClass().getSimpleName() + " (display it on its own for its fields)";
        }
        return String.valueOf(v);
    }

    private static List<Object> arrayToList(Object array) {
        int n = Array.getLength(array);
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Array.get(array, i));
        }
        return out;
    }

    private static String elements(String arrayType, List<?> items) {
        boolean nested = items.stream().anyMatch(x -> x != null
                && (x.getClass().isArray() || x instanceof Collection || x instanceof Record || x instanceof Map));
        if (items.size() > INLINE_ELEMENTS || nested) {
            String what = arrayType == null ? "list" : arrayType + "[]";
            return what + " of " + items.size();
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(inline(items.get(i)));
        }
        return b.append(']').toString();
    }

    /** A record as a two-column table of its components, in declaration order. */
    static String recordHtml(Record r) {
        StringBuilder h = new StringBuilder("<table>\n<caption>").append(escape(
                r.getClass().getSimpleName())).append("</caption>\n<tbody>\n");
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            h.append("<tr><th style=\"text-align:left\">").append(escape(c.getName()))
                    .append("</th><td style=\"text-align:left\">").append(escape(inline(value(r, c))))
                    .append("</td></tr>\n");
        }
        return h.append("</tbody>\n</table>").toString();
    }

    /** A record as lines of {@code name: value}. */
    static String recordText(Record r) {
        StringBuilder t = new StringBuilder(r.getClass().getSimpleName());
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            t.append("\n  ").append(c.getName()).append(": ").append(inline(value(r, c)));
        }
        return t.toString();
    }

    /** Whether {@code items} is non-empty and holds records of one class only: then it reads best as a table. */
    static boolean isRecordTable(Collection<?> items) {
        if (items.isEmpty()) {
            return false;
        }
        Class<?> first = null;
        for (Object o : items) {
            if (!(o instanceof Record)) {
                return false;
            }
            if (first == null) {
                first = o.getClass();
            } else if (o.getClass() != first) {
                return false;
            }
        }
        return true;
    }

    /** Records of one class as a table: a column per component, a row per record (the first {@code maxRows}). */
    static String recordsHtml(Collection<?> records, int maxRows) {
        Class<?> type = records.iterator().next().getClass();
        RecordComponent[] cs = type.getRecordComponents();
        StringBuilder h = new StringBuilder("<table>\n<caption>").append(records.size()).append(" \u00d7 ")
                .append(escape(type.getSimpleName())).append("</caption>\n<thead><tr>");
        for (RecordComponent c : cs) {
            h.append("<th>").append(escape(c.getName())).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        int shown = 0;
        for (Object o : records) {
            if (shown++ == maxRows) {
                break;
            }
            h.append("<tr>");
            for (RecordComponent c : cs) {
                h.append("<td>").append(escape(inline(value((Record) o, c)))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>");
        if (records.size() > maxRows) {
            h.append("\n<p>\u2026 ").append(records.size() - maxRows).append(" more rows</p>");
        }
        return h.toString();
    }

    /** A map as a key/value table (the first {@code maxRows} entries, in the map's own order). */
    static String mapHtml(Map<?, ?> map, int maxRows) {
        StringBuilder h = new StringBuilder("<table>\n<tbody>\n");
        int shown = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (shown++ == maxRows) {
                break;
            }
            h.append("<tr><th style=\"text-align:left\">").append(escape(inline(e.getKey())))
                    .append("</th><td style=\"text-align:left\">").append(escape(inline(e.getValue())))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>");
        if (map.size() > maxRows) {
            h.append("\n<p>\u2026 ").append(map.size() - maxRows).append(" more entries</p>");
        }
        return h.toString();
    }

    /** A map as lines of {@code key: value}. */
    static String mapText(Map<?, ?> map, int maxRows) {
        StringBuilder t = new StringBuilder();
        int shown = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (shown++ == maxRows) {
                t.append("\u2026 ").append(map.size() - maxRows).append(" more entries\n");
                break;
            }
            t.append(inline(e.getKey())).append(": ").append(inline(e.getValue())).append('\n');
        }
        return t.toString().stripTrailing();
    }

    private static Object value(Record r, RecordComponent c) {
        try {
            c.getAccessor().setAccessible(true); // records declared in a cell are not public
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return "(cannot read: " + e.getClass().getSimpleName() + ")";
        }
    }

    /** {@code s} with the characters HTML gives meaning to in text and attribute values replaced by entities. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
