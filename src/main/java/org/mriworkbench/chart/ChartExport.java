package org.mriworkbench.chart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.IChart;

/**
 * Getting a chart out of the JVM: as a {@link BufferedImage} for a notebook cell, as PNG at a chosen resolution for
 * slides, as SVG for papers. Kept apart from the chart factories, as XChart keeps {@code BitmapEncoder} apart from
 * its charts, so that building a chart never touches the file system. Works for XChart's charts and for
 * {@link ConfusionMatrixChart}, which shares their {@link IChart} interface.
 *
 * <p>SVG needs {@code de.erichseifert.vectorgraphics2d:VectorGraphics2D}, an optional dependency of XChart that
 * this project declares. Parent folders are created; existing files are replaced.
 */
public final class ChartExport {

    /** Resolution of XChart's own pixels; PNG at this dpi has exactly the chart's width and height. */
    public static final int SCREEN_DPI = 72;

    private ChartExport() {
    }

    /** The chart rendered at its own size. */
    public static BufferedImage toImage(IChart chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * Writes a PNG; at {@code dpi} other than {@value #SCREEN_DPI} the image is scaled by {@code dpi / 72} (300 dpi
     * gives a 3750 px wide file from a 900 px chart) and the dpi is recorded in the file.
     *
     * @return {@code file}
     */
    public static Path png(IChart chart, Path file, int dpi) throws IOException {
        if (dpi < 1) {
            throw new IllegalArgumentException("dpi must be positive, got " + dpi);
        }
        if (dpi == SCREEN_DPI) {
            return png(toImage(chart), file);
        }
        return viaNamedFile(file, ".png",
                name -> BitmapEncoder.saveBitmapWithDPI(chart, name, BitmapEncoder.BitmapFormat.PNG, dpi));
    }

    /** Writes a PNG at {@value #SCREEN_DPI} dpi, the chart's own pixel size. */
    public static Path png(IChart chart, Path file) throws IOException {
        return png(chart, file, SCREEN_DPI);
    }

    /**
     * Writes an SVG by painting the chart on VectorGraphics2D's recording {@code Graphics2D}, as XChart's
     * {@code VectorGraphicsEncoder} does internally; that encoder's save methods are all deprecated in 4.0.3.
     *
     * @return {@code file}
     */
    public static Path svg(IChart chart, Path file) throws IOException {
        createParent(file);
        VectorGraphics2D g = new VectorGraphics2D();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        Document doc = new SVGProcessor().getDocument(g.getCommands(),
                new PageSize(0, 0, chart.getWidth(), chart.getHeight()));
        try (OutputStream out = Files.newOutputStream(file)) {
            doc.writeTo(out);
        }
        return file;
    }

    /** Writes any image (an overlay, an image grid) as PNG. @return {@code file} */
    public static Path png(BufferedImage image, Path file) throws IOException {
        createParent(file);
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer for image type " + image.getType());
        }
        return file;
    }

    /** An XChart encoder that writes to a file name. */
    private interface NamedFileWriter {
        void write(String fileName) throws IOException;
    }

    /**
     * XChart's {@code saveBitmapWithDPI} takes a file name and appends the extension unless the name already ends
     * with it, so a name without it is written under a temporary name and moved into place.
     */
    private static Path viaNamedFile(Path file, String extension, NamedFileWriter writer) throws IOException {
        createParent(file);
        boolean hasExtension = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension);
        Path target = hasExtension ? file : file.resolveSibling(file.getFileName() + ".tmp" + extension);
        writer.write(target.toString());
        if (!hasExtension) {
            Files.move(target, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
