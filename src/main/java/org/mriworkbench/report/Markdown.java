package org.mriworkbench.report;

import java.util.List;
import java.util.Locale;

/**
 * The few Markdown constructs a model card needs (tables, code spans, numbers), so that every section renders cells
 * and figures the same way: pipes in paths cannot break a table, and numbers never depend on the machine's locale.
 */
public final class Markdown {

    /** How a card writes a workbench command, so that a reader can paste it. */
    static final String CLI = "java -jar target/mri-workbench.jar";

    private Markdown() {
    }

    /** A table with a header row; cells are escaped. */
    public static String table(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        row(sb, header);
        sb.append('|');
        sb.append("---|".repeat(header.size()));
        sb.append('\n');
        for (List<String> r : rows) {
            row(sb, r);
        }
        return sb.append('\n').toString();
    }

    /** A two-column table of field and value. */
    public static String fields(List<List<String>> rows) {
        return table(List.of("field", "value"), rows);
    }

    private static void row(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(cell(c)).append(" |");
        }
        sb.append('\n');
    }

    /** A table cell: pipes escaped, line breaks flattened. */
    public static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    /** Inline code. */
    public static String code(String s) {
        return "`" + (s == null ? "" : s.replace("`", "'")) + "`";
    }

    /** A number with {@code decimals} decimals, or "n/a" when undefined. */
    public static String num(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "n/a";
    }

    /** A count with thousands separators. */
    public static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
