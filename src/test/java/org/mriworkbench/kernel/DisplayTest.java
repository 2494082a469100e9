package org.mriworkbench.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.common.Text;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code display(...)} from a cell reaches the kernel's sink as the object itself, and the workbench's types render
 * as PNG or HTML with the renderer set-up {@link WorkbenchKernel} uses.
 */
class DisplayTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    static CellEvaluator eval;
    static Renderer renderer;
    final List<Object> shown = new ArrayList<>();

    @BeforeAll
    static void start() {
        eval = new CellEvaluator(CellEvaluator.jvmClasspath(), Path.of("."));
        renderer = new Renderer(); // as BaseKernel sets it up, then the workbench's own
        Image.registerAll(renderer);
        Text.registerAll(renderer);
        DisplayRenderers.registerAll(renderer);
    }

    @AfterAll
    static void stop() {
        eval.close();
    }

    @AfterEach
    void unbind() {
        Notebook.bind(null);
    }

    private static byte[] png(DisplayData d) {
        Object data = d.getData(MIMEType.IMAGE_PNG);
        assertTrue(data instanceof String, "no image/png in " + d);
        byte[] bytes = Base64.getDecoder().decode((String) data);
        byte[] head = new byte[4];
        System.arraycopy(bytes, 0, head, 0, 4);
        return head;
    }

    @Test
    void displayHandsTheObjectToTheKernel() {
        Notebook.bind(shown::add);
        eval.eval("var img = new java.awt.image.BufferedImage(8, 6, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);\n"
                + "display(img);\ndisplay(\"text\");", 1);
        assertEquals(2, shown.size());
        assertInstanceOf(java.awt.image.BufferedImage.class, shown.get(0));
        DisplayData d = renderer.render(shown.get(0));
        assertArrayEquals(PNG_MAGIC, png(d));
        assertEquals("image 8x6", d.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void displayOutsideANotebookSaysWhy() {
        EvaluationException e = assertThrows(EvaluationException.class, () -> eval.eval("display(1)", 1));
        assertTrue(e.getMessage().contains("needs a notebook"), e.getMessage());
    }

    @Test
    void tablesRenderAsHtmlCutToTheirFirstRows() {
        Object t = eval.eval("var t = tech.tablesaw.api.Table.create(\"scores\",\n"
                + "    tech.tablesaw.api.IntColumn.create(\"id\", java.util.stream.IntStream.range(0, 50).toArray()),\n"
                + "    tech.tablesaw.api.StringColumn.create(\"note\", java.util.Collections.nCopies(50, \"a<b\")));\nt", 1).value();
        DisplayData d = renderer.render(t);
        String html = (String) d.getData(MIMEType.TEXT_HTML);
        assertTrue(html.startsWith("<table>"), html);
        assertTrue(html.contains("<caption>scores (50 rows \u00d7 2 columns)</caption>"), html);
        assertTrue(html.contains("<th>id</th><th>note</th>"), html);
        assertTrue(html.contains("<td>19</td>") && !html.contains("<td>20</td>"), "20 rows shown");
        assertTrue(html.contains("a&lt;b"), "cells are escaped");
        assertTrue(html.contains("30 more rows"), html);
        assertTrue(((String) d.getData(MIMEType.TEXT_PLAIN)).contains("scores"));
    }

    @Test
    void chartsRenderAsPng() {
        Object chart = eval.eval("new org.knowm.xchart.XYChartBuilder().width(200).height(150).title(\"loss\").build()", 1)
                .value();
        DisplayData d = renderer.render(chart);
        assertArrayEquals(PNG_MAGIC, png(d));
        assertEquals("XYChart \"loss\"", d.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void htmlIsShownAsHtmlAndPlainStringsAsText() {
        DisplayData h = renderer.render(eval.eval("html(\"<b>done</b>\")", 1).value());
        assertEquals("<b>done</b>", h.getData(MIMEType.TEXT_HTML));
        DisplayData s = renderer.render(eval.eval("\"<b>done</b>\"", 1).value());
        assertEquals(null, s.getData(MIMEType.TEXT_HTML));
        assertEquals("<b>done</b>", s.getData(MIMEType.TEXT_PLAIN));
    }
}
