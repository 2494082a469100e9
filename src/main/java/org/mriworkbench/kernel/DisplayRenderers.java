package org.mriworkbench.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.IChart;
import org.mriworkbench.chart.ImageGrid;
import org.mriworkbench.eval.BootstrapInterval;
import org.mriworkbench.eval.MetricValue;
import org.mriworkbench.core.FloatImage;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Collection;
import java.util.Formatter;
import java.util.Map;

/**
 * How the workbench's results look in a notebook: images, every chart (XChart's and the project's own
 * {@link IChart}s), {@link ImageGrid}s and {@link FloatImage}s as PNG; Tablesaw tables as HTML tables cut to their
 * first rows, with fractions rounded; records, lists of records and maps as HTML tables ({@link ValueHtml}); metric
 * intervals as {@code 0.826 [0.803, 0.848]}; {@link Html} as HTML; and nothing ever as an object identity. Each also gets a short {@code text/plain} form, which is what a
 * notebook converted to text (or a console front end) shows instead of {@code BufferedImage@1b2c3d}.
 */
public final class DisplayRenderers {

    /** Rows shown of a table: enough to read its shape, few enough that a 3,000-row index does not flood the page. */
    public static final int TABLE_ROWS = 20;

    private DisplayRenderers() {
    }

    /** Registers the workbench's renderers; later registrations take precedence over JJava's defaults. */
    @SuppressWarnings({"rawtypes", "unchecked"}) // registrations on raw Collection and Map
    public static void registerAll(Renderer renderer) {
        renderer.createRegistration(RenderedImage.class).preferring(MIMEType.IMAGE_PNG)
                .register((img, ctx) -> putImage(ctx.getOutputContainer(), img));
        // IChart, not XChart's Chart class: the project's ConfusionMatrixChart implements only the interface, and
        // showed as ConfusionMatrixChart@6c38ed83.
        renderer.createRegistration(IChart.class).preferring(MIMEType.IMAGE_PNG)
                .register((chart, ctx) -> putImage(ctx.getOutputContainer(), BitmapEncoder.getBufferedImage(chart),
                        chart.getClass().getSimpleName() + " \"" + chart.getTitle() + "\""));
        renderer.createRegistration(ImageGrid.class).preferring(MIMEType.IMAGE_PNG)
                .register((grid, ctx) -> putImage(ctx.getOutputContainer(), grid.render()));
        renderer.createRegistration(FloatImage.class).preferring(MIMEType.IMAGE_PNG)
                .register((img, ctx) -> putImage(ctx.getOutputContainer(), ImageGrid.toImage(img)));
        renderer.createRegistration(Table.class).preferring(MIMEType.TEXT_HTML)
                .register((table, ctx) -> {
                    ctx.getOutputContainer().putHTML(tableHtml(table, TABLE_ROWS));
                    ctx.getOutputContainer().putText(tableText(table, TABLE_ROWS));
                });
        renderer.createRegistration(Html.class).preferring(MIMEType.TEXT_HTML)
                .register((html, ctx) -> ctx.getOutputContainer().putHTML(html.html()));
        renderer.createRegistration(BootstrapInterval.class).preferring(MIMEType.TEXT_PLAIN)
                .register((b, ctx) -> ctx.getOutputContainer().putText(ValueHtml.interval(b)));
        renderer.createRegistration(MetricValue.class).preferring(MIMEType.TEXT_PLAIN)
                .register((m, ctx) -> ctx.getOutputContainer().putText(ValueHtml.metric(m)));
        renderer.createRegistration(Record.class).preferring(MIMEType.TEXT_HTML)
                .register((r, ctx) -> {
                    ctx.getOutputContainer().putHTML(ValueHtml.recordHtml(r));
                    ctx.getOutputContainer().putText(ValueHtml.recordText(r));
                });
        renderer.createRegistration(Collection.class).preferring(MIMEType.TEXT_HTML)
                .register((c, ctx) -> {
                    if (ValueHtml.isRecordTable(c)) {
                        ctx.getOutputContainer().putHTML(ValueHtml.recordsHtml(c, TABLE_ROWS));
                    }
                    ctx.getOutputContainer().putText(String.valueOf(c));
                });
        renderer.createRegistration(Map.class).preferring(MIMEType.TEXT_HTML)
                .register((m, ctx) -> {
                    ctx.getOutputContainer().putHTML(ValueHtml.mapHtml(m, TABLE_ROWS));
                    ctx.getOutputContainer().putText(ValueHtml.mapText(m, TABLE_ROWS));
                });
        // Last resort, reached only by types with no renderer above: never show an identity such as Foo@6c38ed83.
        renderer.createRegistration(Object.class).preferring(MIMEType.TEXT_PLAIN)
                .register((o, ctx) -> ctx.getOutputContainer().putText(plainText(o)));
    }

    /**
     * Whether a cell's last value is only a by-product and should show nothing: {@code System.out.printf(...)}
     * returns its {@code PrintStream}, which used to appear as {@code java.io.PrintStream@47b72bd9} under the text
     * it printed.
     */
    public static boolean showsNothing(Object value) {
        return value instanceof PrintStream || value instanceof PrintWriter || value instanceof Formatter;
    }

    /** {@code toString()}, unless it is {@code Object}'s identity string; then the class name and what to do. */
    static String plainText(Object o) {
        try {
            if (o.getClass().getMethod("toString").getDeclaringClass() != Object.class) {
                return String.valueOf(o);
            }
        } catch (NoSuchMethodException e) {
            // every class has toString
        }
        return o.getClass().getName() + " (no notebook view of its own; display a chart, table or value from it)";
    }

    private static void putImage(DisplayData out, RenderedImage img) {
        putImage(out, img, "image " + img.getWidth() + "x" + img.getHeight());
    }

    private static void putImage(DisplayData out, RenderedImage img, String text) {
        out.putData(MIMEType.IMAGE_PNG, Base64.getEncoder().encodeToString(png(img)));
        out.putText(text);
    }

    /** PNG bytes of an image; images ImageIO cannot write as PNG (e.g. some custom colour models) are copied first. */
    static byte[] png(RenderedImage img) {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            if (!ImageIO.write(img, "png", buf)) {
                BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB);
                rgb.createGraphics().drawRenderedImage(img, null);
                buf.reset();
                ImageIO.write(rgb, "png", buf);
            }
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTML table of the first {@code maxRows} rows, with the table's name and full size as its caption. */
    public static String tableHtml(Table table, int maxRows) {
        StringBuilder h = new StringBuilder("<table>\n<caption>");
        h.append(ValueHtml.escape(table.name() == null ? "" : table.name())).append(" (").append(table.rowCount())
                .append(table.rowCount() == 1 ? " row" : " rows").append(" \u00d7 ").append(table.columnCount())
                .append(table.columnCount() == 1 ? " column)" : " columns)").append("</caption>\n<thead><tr>");
        for (String name : table.columnNames()) {
            h.append("<th>").append(ValueHtml.escape(name)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(maxRows, table.rowCount());
        for (int r = 0; r < shown; r++) {
            h.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) {
                h.append("<td>").append(ValueHtml.escape(cell(table.column(c), r))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>");
        if (shown < table.rowCount()) {
            h.append("\n<p>\u2026 ").append(table.rowCount() - shown).append(" more rows</p>");
        }
        return h.toString();
    }

    /** The first {@code maxRows} rows as Tablesaw prints them, fractions rounded as in {@link #tableHtml}. */
    static String tableText(Table table, int maxRows) {
        Table head = table.first(maxRows);
        for (int c = 0; c < head.columnCount(); c++) {
            Column<?> col = head.column(c);
            if (col instanceof DoubleColumn || col instanceof FloatColumn) {
                StringColumn rounded = StringColumn.create(col.name());
                for (int r = 0; r < col.size(); r++) {
                    rounded.append(cell(col, r));
                }
                head.replaceColumn(c, rounded);
            }
        }
        String text = head.print(maxRows);
        return table.rowCount() > maxRows ? text + "\n\u2026 " + (table.rowCount() - maxRows) + " more rows" : text;
    }

    /** A table cell as text; fractional numbers rounded ({@link ValueHtml#number}), missing values empty. */
    static String cell(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return "";
        }
        if (column instanceof DoubleColumn || column instanceof FloatColumn) {
            return ValueHtml.number(((NumberColumn<?, ?>) column).getDouble(row));
        }
        return column.getString(row);
    }
}
