package org.mriworkbench.chart;

import org.mriworkbench.core.FloatImage;
import org.mriworkbench.core.Luminance;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out images with captions in a grid: samples of a data set, augmentations of one slice, duplicate pairs to
 * judge by eye, misclassified cases. Most questions about image data are answered faster by looking than by
 * reading numbers, so every stage can hand its images here.
 */
public final class ImageGrid {

    /** One cell: an image and up to two lines of caption. */
    public record Cell(BufferedImage image, String caption) {
    }

    private final List<Cell> cells;
    private final int columns;
    private final int cellSize;
    private final String title;

    private ImageGrid(List<Cell> cells, int columns, int cellSize, String title) {
        this.cells = List.copyOf(cells);
        this.columns = columns;
        this.cellSize = cellSize;
        this.title = title;
    }

    /** A new grid builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an image grid; {@code set*} are required, {@code opt*} optional. */
    public static final class Builder {
        private final List<Cell> cells = new ArrayList<>();
        private int columns = 4;
        private int cellSize = 160;
        private String title = "";

        public Builder add(BufferedImage image, String caption) {
            cells.add(new Cell(image, caption == null ? "" : caption));
            return this;
        }

        public Builder add(FloatImage image, String caption) {
            return add(toImage(image), caption);
        }

        public Builder optColumns(int c) {
            if (c < 1) {
                throw new IllegalArgumentException("columns must be >= 1");
            }
            columns = c;
            return this;
        }

        public Builder optCellSize(int px) {
            if (px < 16) {
                throw new IllegalArgumentException("cell size must be >= 16 px");
            }
            cellSize = px;
            return this;
        }

        public Builder optTitle(String t) {
            title = t == null ? "" : t;
            return this;
        }

        public ImageGrid build() {
            return new ImageGrid(cells, columns, cellSize, title);
        }
    }

    /** Renders the grid. */
    public BufferedImage render() {
        int cols = Math.max(1, Math.min(columns, cells.size()));
        int rows = Math.max(1, (cells.size() + cols - 1) / cols);
        int captionH = 30;
        int titleH = title.isEmpty() ? 0 : 28;
        int pad = 6;
        int w = cols * (cellSize + pad) + pad;
        int h = titleH + rows * (cellSize + captionH + pad) + pad;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.BLACK);
            if (!title.isEmpty()) {
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
                g.drawString(title, pad, 19);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i < cells.size(); i++) {
                int x = pad + (i % cols) * (cellSize + pad);
                int y = titleH + pad + (i / cols) * (cellSize + captionH + pad);
                BufferedImage img = cells.get(i).image();
                double s = Math.min((double) cellSize / img.getWidth(), (double) cellSize / img.getHeight());
                int dw = (int) Math.round(img.getWidth() * s);
                int dh = (int) Math.round(img.getHeight() * s);
                g.drawImage(img, x + (cellSize - dw) / 2, y + (cellSize - dh) / 2, dw, dh, null);
                String[] lines = cells.get(i).caption().split("\n", 2);
                for (int l = 0; l < lines.length; l++) {
                    g.drawString(clip(lines[l], fm, cellSize), x, y + cellSize + 12 + l * 13);
                }
            }
        } finally {
            g.dispose();
        }
        return out;
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

    /** A float image in [0,1] as an 8-bit picture (grayscale; RGB when it has three channels). */
    public static BufferedImage toImage(FloatImage img) {
        int w = img.width();
        int h = img.height();
        int n = w * h;
        float[] p = img.pixels();
        if (img.channels() >= 3) {
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            for (int i = 0; i < n; i++) {
                out.setRGB(i % w, i / w, (byte8(p[i]) << 16) | (byte8(p[n + i]) << 8) | byte8(p[2 * n + i]));
            }
            return out;
        }
        FloatImage gray = Luminance.toGray(img);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < n; i++) {
            data[i] = (byte) byte8(gray.pixels()[i]);
        }
        return out;
    }

    private static int byte8(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }
}
