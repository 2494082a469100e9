package org.mriworkbench.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * How the workbench's results look in a notebook: images and XChart charts as PNG, Tablesaw tables as HTML tables
 * cut to their first rows, {@link Html} as HTML. Each also gets a short {@code text/plain} form, which is what a
 * notebook converted to text (or a console front end) shows instead of {@code BufferedImage@1b2c3d}.
 */
public final class DisplayRenderers {

    /** Rows shown of a table: enough to read its shape, few enough that a 3,000-row index does not flood the page. */
    public static final int TABLE_ROWS = 20;

    private DisplayRenderers() {
    }

    /** Registers the workbench's renderers; later registrations take precedence over JJava's defaults. */
    @SuppressWarnings({"rawtypes", "unchecked"}) // Chart is generic; any chart renders the same way
    public static void registerAll(Renderer renderer) {
        renderer.createRegistration(RenderedImage.class).preferring(MIMEType.IMAGE_PNG)
                .register((img, ctx) -> putImage(ctx.getOutputContainer(), img));
        renderer.createRegistration(Chart.class).preferring(MIMEType.IMAGE_PNG)
                .register((chart, ctx) -> putImage(ctx.getOutputContainer(), BitmapEncoder.getBufferedImage(chart),
                        chart.getClass().getSimpleName() + " \"" + chart.getTitle() + "\""));
        renderer.createRegistration(Table.class).preferring(MIMEType.TEXT_HTML)
                .register((table, ctx) -> {
                    ctx.getOutputContainer().putHTML(tableHtml(table, TABLE_ROWS));
                    ctx.getOutputContainer().putText(table.print(TABLE_ROWS));
                });
        renderer.createRegistration(Html.class).preferring(MIMEType.TEXT_HTML)
                .register((html, ctx) -> ctx.getOutputContainer().putHTML(html.html()));
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
        h.append(escape(table.name() == null ? "" : table.name())).append(" (").append(table.rowCount())
                .append(table.rowCount() == 1 ? " row" : " rows").append(" \u00d7 ").append(table.columnCount())
                .append(table.columnCount() == 1 ? " column)" : " columns)").append("</caption>\n<thead><tr>");
        for (String name : table.columnNames()) {
            h.append("<th>").append(escape(name)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(maxRows, table.rowCount());
        for (int r = 0; r < shown; r++) {
            h.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) {
                h.append("<td>").append(escape(table.column(c).getString(r))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>");
        if (shown < table.rowCount()) {
            h.append("\n<p>\u2026 ").append(table.rowCount() - shown).append(" more rows</p>");
        }
        return h.toString();
    }

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
