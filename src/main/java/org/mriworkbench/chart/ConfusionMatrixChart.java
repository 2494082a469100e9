package org.mriworkbench.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.internal.chartpart.IChart;
import org.mriworkbench.eval.ConfusionMatrix;

/**
 * A confusion matrix as a heat map whose cells show both the count and the row rate (recall on the diagonal).
 * Colour follows the row rate, not the count, so a small class's errors are as visible as a large class's; the
 * count stays in the cell so that "40%" of 5 images is not mistaken for 40% of 500.
 *
 * <p>Painted with Java2D rather than XChart's {@code HeatMapChart}: XChart 4.0.3 prints one number per cell with a
 * single {@code DecimalFormat}, and its data-space annotations land on cell edges, not centres, so count and rate
 * together cannot be shown there. The class implements XChart's {@link IChart} (a small public interface in its
 * {@code internal} package), so {@link ChartExport}, {@code BitmapEncoder} and {@code VectorGraphicsEncoder} treat
 * it like any other chart. Instances are immutable.
 */
public final class ConfusionMatrixChart implements IChart {

    private static final Color EMPTY = new Color(235, 235, 235);
    private static final Color LOW = Color.WHITE;
    private static final Color HIGH = new Color(8, 69, 148);

    private final ConfusionMatrix matrix;
    private final List<String> classNames;
    private final String title;
    private final ChartStyle style;

    private ConfusionMatrixChart(ConfusionMatrix matrix, List<String> classNames, String title, ChartStyle style) {
        if (classNames.size() != matrix.k()) {
            throw new IllegalArgumentException(matrix.k() + " classes in the matrix but " + classNames.size()
                    + " names");
        }
        this.matrix = matrix;
        this.classNames = List.copyOf(classNames);
        this.title = title;
        this.style = style;
    }

    /** A chart titled with the sample count, at notebook size. */
    public static ConfusionMatrixChart of(ConfusionMatrix matrix, List<String> classNames) {
        return of(matrix, classNames, "Confusion matrix (n=" + matrix.total() + ")", ChartStyle.notebook());
    }

    /** A chart with the given title and style; {@code classNames} in class-index order (see {@code Task}). */
    public static ConfusionMatrixChart of(ConfusionMatrix matrix, List<String> classNames, String title,
                                          ChartStyle style) {
        return new ConfusionMatrixChart(matrix, classNames, title, style);
    }

    @Override
    public String getTitle() {
        return title;
    }

    @Override
    public int getWidth() {
        return style.width();
    }

    @Override
    public int getHeight() {
        return style.height();
    }

    public String getXAxisTitle() {
        return "predicted class";
    }

    public String getYAxisTitle() {
        return "true class";
    }

    /** Title of the colour-bar legend. */
    public String getLegendTitle() {
        return "row rate";
    }

    public ConfusionMatrix matrix() {
        return matrix;
    }

    public List<String> classNames() {
        return classNames;
    }

    /** The two lines printed in a cell: the count, and the row rate in percent ("n/a" for an empty row). */
    public List<String> cellText(int trueClass, int predictedClass) {
        double rate = matrix.rowRates()[trueClass][predictedClass];
        String pct = Double.isNaN(rate) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * rate);
        return List.of(Integer.toString(matrix.count(trueClass, predictedClass)), pct);
    }

    /** Cell colour for a row rate in [0, 1]; NaN (a class with no samples) is light grey. */
    public static Color rateColor(double rate) {
        if (Double.isNaN(rate)) {
            return EMPTY;
        }
        // A power below 1 lifts small rates off white, so that 3% errors are visible next to a 95% diagonal.
        double t = Math.pow(Math.max(0, Math.min(1, rate)), 0.6);
        return new Color(mix(LOW.getRed(), HIGH.getRed(), t), mix(LOW.getGreen(), HIGH.getGreen(), t),
                mix(LOW.getBlue(), HIGH.getBlue(), t));
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int k = matrix.k();
        int pad = 12;

        g.setFont(style.titleFont());
        FontMetrics tfm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        g.drawString(title, (width - tfm.stringWidth(title)) / 2, pad + tfm.getAscent());
        int top = pad + tfm.getHeight() + pad;

        Font tick = style.tickFont();
        g.setFont(tick);
        FontMetrics fm = g.getFontMetrics();
        int rowLabelW = 0;
        for (int c = 0; c < k; c++) {
            rowLabelW = Math.max(rowLabelW, fm.stringWidth(classNames.get(c)));
            rowLabelW = Math.max(rowLabelW, fm.stringWidth(supportText(c)));
        }
        Font axisFont = style.axisTitleFont();
        int axisH = g.getFontMetrics(axisFont).getHeight();
        int left = pad + axisH + pad + rowLabelW + 8;
        int legendW = 110;
        int bottom = pad + axisH + 12 + fm.getHeight();
        int side = Math.max(k * 10, Math.min(width - left - legendW - pad, height - top - bottom));
        int cell = side / k;
        side = cell * k;
        int x0 = left + Math.max(0, (width - left - legendW - pad - side) / 2);

        paintCells(g, x0, top, cell);
        paintLabels(g, x0, top, cell, tick);

        g.setFont(axisFont);
        FontMetrics afm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        String xt = getXAxisTitle();
        g.drawString(xt, x0 + (side - afm.stringWidth(xt)) / 2, top + side + 12 + fm.getHeight()
                + afm.getAscent());
        String yt = getYAxisTitle();
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yt, -(top + (side + afm.stringWidth(yt)) / 2), x0 - 8 - rowLabelW - 10 - afm.getDescent());
        g.setTransform(saved);

        paintColorBar(g, x0 + side + 30, top, Math.min(side, 260));
    }

    private void paintCells(Graphics2D g, int x0, int y0, int cell) {
        int k = matrix.k();
        double[][] rates = matrix.rowRates();
        int big = Math.max(9, Math.min(style.legendSize() + 3, cell / 4));
        Font countFont = new Font(Font.SANS_SERIF, Font.BOLD, big);
        Font rateFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, big - 3));
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                int x = x0 + p * cell;
                int y = y0 + t * cell;
                double r = rates[t][p];
                Color fill = rateColor(r);
                g.setColor(fill);
                g.fillRect(x, y, cell, cell);
                g.setColor(luminance(fill) < 0.5 ? Color.WHITE : Color.BLACK);
                List<String> lines = cellText(t, p);
                FontMetrics cfm = g.getFontMetrics(countFont);
                FontMetrics rfm = g.getFontMetrics(rateFont);
                int block = cfm.getAscent() + 4 + rfm.getAscent();
                int base = y + (cell - block) / 2 + cfm.getAscent();
                g.setFont(countFont);
                g.drawString(lines.get(0), x + (cell - cfm.stringWidth(lines.get(0))) / 2, base);
                g.setFont(rateFont);
                g.drawString(lines.get(1), x + (cell - rfm.stringWidth(lines.get(1))) / 2,
                        base + 4 + rfm.getAscent());
            }
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i <= k; i++) {
            g.drawLine(x0, y0 + i * cell, x0 + k * cell, y0 + i * cell);
            g.drawLine(x0 + i * cell, y0, x0 + i * cell, y0 + k * cell);
        }
    }

    private void paintLabels(Graphics2D g, int x0, int y0, int cell, Font tick) {
        int k = matrix.k();
        g.setColor(Color.BLACK);
        g.setFont(tick);
        FontMetrics fm = g.getFontMetrics();
        Font small = tick.deriveFont(Font.PLAIN, Math.max(8f, tick.getSize2D() - 2));
        FontMetrics sfm = g.getFontMetrics(small);
        for (int c = 0; c < k; c++) {
            String name = clip(classNames.get(c), fm, cell - 4);
            g.setFont(tick);
            g.drawString(name, x0 + c * cell + (cell - fm.stringWidth(name)) / 2, y0 + k * cell + 4
                    + fm.getAscent());
            int cy = y0 + c * cell + cell / 2;
            g.drawString(classNames.get(c), x0 - 8 - fm.stringWidth(classNames.get(c)), cy);
            g.setFont(small);
            g.setColor(Color.DARK_GRAY);
            String support = supportText(c);
            g.drawString(support, x0 - 8 - sfm.stringWidth(support), cy + sfm.getHeight());
            g.setColor(Color.BLACK);
        }
    }

    private void paintColorBar(Graphics2D g, int x, int y, int h) {
        int w = 22;
        for (int i = 0; i < h; i++) {
            g.setColor(rateColor(1.0 - i / (double) (h - 1)));
            g.fillRect(x, y + i, w, 1);
        }
        g.setColor(Color.GRAY);
        g.drawRect(x, y, w, h - 1);
        g.setFont(style.legendFont());
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        for (int pct = 0; pct <= 100; pct += 25) {
            int ty = y + (int) Math.round((h - 1) * (1 - pct / 100.0));
            g.drawLine(x + w, ty, x + w + 4, ty);
            g.drawString(pct + "%", x + w + 7, ty + fm.getAscent() / 2 - 1);
        }
        g.drawString(getLegendTitle(), x, y + h + 6 + fm.getAscent());
    }

    private String supportText(int c) {
        return "n=" + matrix.support(c);
    }

    private static String clip(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    private static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255.0;
    }
}
