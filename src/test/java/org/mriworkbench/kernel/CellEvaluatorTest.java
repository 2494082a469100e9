package org.mriworkbench.kernel;

import org.mriworkbench.kernelspec.KernelSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JShell session without Jupyter: values, output, errors as a student reads them, and editor support. */
class CellEvaluatorTest {

    @TempDir
    static Path dir;
    static CellEvaluator eval;

    @BeforeAll
    static void start() {
        eval = new CellEvaluator(CellEvaluator.jvmClasspath(), dir);
    }

    @AfterAll
    static void stop() {
        eval.close();
    }

    private static Object value(String cell) {
        CellEvaluator.CellResult r = eval.eval(cell, 1);
        assertTrue(r.hasValue(), () -> "no value from: " + cell);
        return r.value();
    }

    @Test
    void lastExpressionIsTheCellsValueAsAnObject() {
        assertEquals(3, value("1 + 2"));
        assertEquals(6, value("int a = 2;\nint b = 3;\na * b"));
        assertEquals(List.of(1, 2), value("List.of(1, 2)")); // default imports, as in IJava
        assertInstanceOf(java.awt.Point.class, value("new java.awt.Point(1, 2)"));
    }

    @Test
    void declarationsAndStatementsHaveNoValue() {
        assertFalse(eval.eval("int unused = 5;", 1).hasValue());
        assertFalse(eval.eval("System.out.print(\"\")", 1).hasValue());
    }

    @Test
    void workbenchClassesNeedNoMagic() {
        assertEquals("mri-workbench", value("org.mriworkbench.kernelspec.KernelSpec.DEFAULT_NAME"));
    }

    @Test
    void groundFloorTypesNeedNoImport() {
        // notebooks name FloatImage and ProgressListener without importing org.mriworkbench.core
        assertEquals(3, value("FloatImage.blank(3, 2).width()"));
        assertEquals(org.mriworkbench.core.ProgressListener.NONE, value("ProgressListener.NONE"));
    }

    @Test
    void printsGoToSystemOut() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            eval.eval("System.out.print(\"hello, \");\nSystem.out.println(\"world\");", 1);
        } finally {
            System.setOut(old);
        }
        assertEquals("hello, world", buf.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void compileErrorsPointAtTheCellsLineAndColumn() {
        CompilationException e = assertThrows(CompilationException.class,
                () -> eval.eval("int fine = 1;\n   String s = 42;", 4));
        CompilationException.Problem p = e.problems().get(0);
        assertEquals(2, p.line());
        assertEquals(15, p.column()); // the 42
        assertTrue(p.message().contains("incompatible types"), p.message());
        assertTrue(e.traceback().get(0).startsWith("Compile error at line 2, column 15"), e.traceback().toString());
        assertTrue(e.traceback().get(2).endsWith("^"));
    }

    @Test
    void magicLinesKeepLineNumbers() {
        CompilationException e = assertThrows(CompilationException.class,
                () -> eval.eval("%classpath " + dir + "\n\nint x = \"no\";", 1));
        assertEquals(3, e.problems().get(0).line());
    }

    @Test
    void exceptionsShowTheCellsFramesAndNotTheKernels() {
        eval.eval("void boom() {\n  throw new IllegalStateException(\"no\");\n}", 7);
        EvaluationException e = assertThrows(EvaluationException.class, () -> eval.eval("int y = 1;\nboom();", 8));
        assertEquals("java.lang.IllegalStateException", e.exceptionClass());
        assertEquals("java.lang.IllegalStateException: no", e.getMessage());
        List<String> tb = e.traceback();
        assertEquals("java.lang.IllegalStateException: no", tb.get(0));
        assertTrue(tb.contains("    at boom (In [7], line 2)"), tb.toString());
        assertTrue(tb.contains("    at In [8], line 2"), tb.toString());
        assertTrue(tb.stream().noneMatch(l -> l.contains("jdk.jshell") || l.contains("org.mriworkbench.kernel")
                || l.contains("reflect")), tb.toString());
    }

    @Test
    void linesCountFromTheCellsTopPastCommentsAndBlankLines() {
        EvaluationException e = assertThrows(EvaluationException.class,
                () -> eval.eval("int z = 0;\n\n// why\n  throw new RuntimeException(\"x\");", 9));
        assertTrue(e.traceback().contains("    at In [9], line 4"), e.traceback().toString());
    }

    @Test
    void libraryFramesAndCausesStay() {
        EvaluationException e = assertThrows(EvaluationException.class,
                () -> eval.eval("throw new RuntimeException(\"outer\", new java.io.IOException(\"inner\"))", 2));
        assertTrue(e.traceback().contains("Caused by: java.io.IOException: inner"), e.traceback().toString());
        EvaluationException nfe = assertThrows(EvaluationException.class, () -> eval.eval("Integer.parseInt(\"x\")", 3));
        assertTrue(nfe.traceback().stream().anyMatch(l -> l.contains("java.lang.Integer.parseInt")), nfe.traceback().toString());
    }

    @Test
    void completesWithinTheSnippetUnderTheCursor() {
        String cell = "System.out.printl";
        CellEvaluator.Completions c = eval.complete(cell, cell.length());
        assertEquals(List.of("println"), c.matches()); // bare name, overloads collapsed
        assertEquals(11, c.start());
        assertEquals(cell.length(), c.end());
        eval.eval("int abcdefCount = 1;", 1);
        String two = "int q = 2;\nabcdef";
        CellEvaluator.Completions d = eval.complete(two, two.length());
        assertEquals(List.of("abcdefCount"), d.matches());
        assertEquals(11, d.start());
    }

    @Test
    void readinessFollowsJShellsAnalysis() {
        assertEquals(CellEvaluator.Readiness.Status.COMPLETE, eval.readiness("1 + 1").status());
        assertEquals(CellEvaluator.Readiness.Status.COMPLETE, eval.readiness("int x = 3;\nx * 2").status());
        CellEvaluator.Readiness open = eval.readiness("for (int i = 0; i < 3; i++) {");
        assertEquals(CellEvaluator.Readiness.Status.INCOMPLETE, open.status());
        assertEquals("    ", open.indent());
        assertEquals(CellEvaluator.Readiness.Status.INCOMPLETE, eval.readiness("System.out.println(").status());
        assertEquals(CellEvaluator.Readiness.Status.INVALID, eval.readiness("@#$%").status());
    }

    @Test
    void documentationNamesTheSignature() {
        String cell = "Math.max(";
        assertTrue(eval.documentation(cell, cell.length()).contains("max(int"), eval.documentation(cell, cell.length()));
    }

    @Test
    void unknownMagicsAndCellMagicsAreErrorsThatSaySo() {
        EvaluationException e = assertThrows(EvaluationException.class, () -> eval.eval("%nosuchmagic a:b:1", 1));
        assertTrue(e.getMessage().contains("%jars, %classpath, %maven"), e.getMessage());
        assertThrows(EvaluationException.class, () -> eval.eval("%%bash\nls", 1));
        EvaluationException none = assertThrows(EvaluationException.class, () -> eval.eval("%jars nothing-here/*.jar", 1));
        assertTrue(none.getMessage().contains("nothing matches"), none.getMessage());
    }
}
