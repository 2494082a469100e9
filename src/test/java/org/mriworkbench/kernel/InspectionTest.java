package org.mriworkbench.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shift-Tab ({@code inspect_request}): signature plus the first paragraph of the Javadoc, for the JDK's classes (from
 * {@code src.zip}) and the workbench's own (from its sources, see {@link SourceDocs}).
 */
class InspectionTest {

    private static CellEvaluator eval;

    @BeforeAll
    static void start() {
        eval = new CellEvaluator(CellEvaluator.jvmClasspath(), Path.of(""));
    }

    @AfterAll
    static void stop() {
        eval.close();
    }

    @Test
    void jdkMethodShowsSignatureAndFirstSentenceOnly() {
        Path srcZip = Path.of(System.getProperty("java.home"), "lib", "src.zip");
        if (!java.nio.file.Files.isReadable(srcZip) && !Boolean.getBoolean("mri.requireJupyter")) {
            org.junit.jupiter.api.Assumptions.abort(srcZip + " missing (environment/install-deps.sh --jupyter)");
        }
        String doc = eval.documentation("Math.max(", "Math.max(".length());
        assertTrue(doc.contains("int Math.max(int a, int b)\nReturns the greater of two int values. That is, the"), doc);
        assertTrue(!doc.contains("@param") && !doc.contains("{@code") && doc.contains("Integer.MAX_VALUE"), doc);
    }

    @Test
    void workbenchClassShowsItsOwnJavadoc() {
        String cell = "var g = org.mriworkbench.explain.GradCam.of(";
        String doc = eval.documentation(cell, cell.length());
        assertTrue(doc.contains("GradCam.of(org.deeplearning4j.nn.multilayer.MultiLayerNetwork net)"), doc);
        assertTrue(doc.contains("Grad-CAM at the default target layer of net."), doc);
    }

    @Test
    void cursorInsideANameAsksAboutThatName() {
        String cell = "int a = 1;\nMath.floorMod(7, 3)";
        int inName = cell.indexOf("floorMod") + 3;
        String doc = eval.documentation(cell, inName);
        assertTrue(doc.contains("floorMod(int x, int y)"), doc);
    }

    @Test
    void firstParagraphStopsAtBlankLineParagraphOrTag() {
        assertEquals("One sentence. Two x.", SourceDocs.firstParagraph("One sentence.\nTwo {@code x}.\n\nMore."));
        assertEquals("Short", SourceDocs.firstParagraph("Short<p>Long"));
        assertEquals("Lead", SourceDocs.firstParagraph("Lead\n@param q the q"));
        assertEquals("", SourceDocs.firstParagraph(null));
    }
}
