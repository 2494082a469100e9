package org.mriworkbench.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * Size and type of a chart, passed to every chart factory instead of being set globally, so that two notebooks (or
 * two cells) can use different sizes without stepping on each other. XChart's defaults are tuned for a desktop
 * window: at the ~900 px a notebook cell shows, its 10-11 pt tick labels are hard to read, so the defaults here are
 * larger. Series colours are the Okabe-Ito palette (Okabe &amp; Ito 2008, "Color Universal Design"), because
 * train/validation and run-vs-run comparisons must stay distinguishable for colour-blind readers too; it starts with
 * blue rather than XChart's black so that translucent fills still read as colours.
 *
 * @param width         chart width in pixels (at 72 dpi; PNG export at a higher dpi scales everything up)
 * @param height        chart height in pixels
 * @param titleSize     chart title font size
 * @param axisTitleSize axis title font size
 * @param tickSize      tick label font size
 * @param legendSize    legend and annotation font size
 */
public record ChartStyle(int width, int height, int titleSize, int axisTitleSize, int tickSize, int legendSize) {

    /** Neutral grey for reference lines (chance, perfect calibration) that should not compete with data. */
    public static final Color REFERENCE = new Color(120, 120, 120);

    public ChartStyle {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("chart must be at least 100x100 px, got " + width + "x" + height);
        }
        if (titleSize < 6 || axisTitleSize < 6 || tickSize < 6 || legendSize < 6) {
            throw new IllegalArgumentException("font sizes must be at least 6 pt");
        }
    }

    /** 900 x 560 px with 18/15/13/13 pt type: fills a notebook cell and stays legible. */
    public static ChartStyle notebook() {
        return new ChartStyle(900, 560, 18, 15, 13, 13);
    }

    /** A copy with another size and the same type. */
    public ChartStyle withSize(int w, int h) {
        return new ChartStyle(w, h, titleSize, axisTitleSize, tickSize, legendSize);
    }

    private static final Color[] OKABE_ITO = {new Color(0, 114, 178), new Color(230, 159, 0),
            new Color(0, 158, 115), new Color(213, 94, 0), new Color(204, 121, 167), new Color(86, 180, 233),
            new Color(240, 228, 66), Color.BLACK};

    /** Series colours, in the order charts assign them. */
    public Color[] seriesColors() {
        return OKABE_ITO.clone();
    }

    /** The i-th series colour, cycling. */
    public Color color(int i) {
        Color[] c = seriesColors();
        return c[Math.floorMod(i, c.length)];
    }

    /** Font for titles. */
    public Font titleFont() {
        return new Font(Font.SANS_SERIF, Font.BOLD, titleSize);
    }

    /** Font for axis titles. */
    public Font axisTitleFont() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, axisTitleSize);
    }

    /** Font for tick labels. */
    public Font tickFont() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, tickSize);
    }

    /** Font for legends and in-plot text. */
    public Font legendFont() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, legendSize);
    }

    /** Dashed stroke for reference lines. */
    public static BasicStroke dashed() {
        return new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f);
    }

    /** Applies fonts, colours and a white background to any XChart styler. */
    public void applyTo(Styler s) {
        s.setChartTitleFont(titleFont());
        s.setLegendFont(legendFont());
        s.setAnnotationTextFont(legendFont());
        s.setAnnotationTextFontColor(Color.DARK_GRAY);
        s.setAnnotationLineColor(Color.BLACK);
        s.setAnnotationLineStroke(dashed());
        s.setSeriesColors(seriesColors());
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setChartPadding(12);
        s.setAntiAlias(true);
        s.setTextAntiAlias(true);
    }

    /** Applies {@link #applyTo(Styler)} plus axis fonts and light grid lines. */
    public void applyTo(AxesChartStyler s) {
        applyTo((Styler) s);
        s.setAxisTitleFont(axisTitleFont());
        s.setAxisTickLabelsFont(tickFont());
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setPlotBorderColor(Color.GRAY);
    }
}
