package org.mriworkbench.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code System.exit} in a cell ends the cell, not the kernel: were the redirection missing, this test's JVM would
 * exit and Surefire would report the fork as crashed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CellExitTest {

    static CellEvaluator eval;

    @BeforeAll
    static void start() {
        eval = new CellEvaluator(CellEvaluator.jvmClasspath(), Path.of("."));
    }

    @AfterAll
    static void stop() {
        eval.close();
    }

    private static EvaluationException exits(String cell) {
        EvaluationException e = assertThrows(EvaluationException.class, () -> eval.eval(cell, 4));
        assertEquals("SystemExit", e.exceptionClass());
        return e;
    }

    @Test
    void systemExitEndsTheCellWithAClearErrorAndKeepsTheSession() {
        eval.eval("int kept = 41; boolean after = false;", 1);
        EvaluationException e = exits("int x = 1;\nSystem.exit(3);\nafter = true;");
        assertTrue(e.getMessage().contains("System.exit(3) ended this cell only"), e.getMessage());
        assertTrue(String.join("\n", e.traceback()).contains("In [4], line 2"), String.join("\n", e.traceback()));
        assertEquals(false, eval.eval("after", 5).value(), "the rest of the cell did not run");
        assertEquals(42, eval.eval("kept + 1", 6).value(), "earlier state survives");
    }

    @Test
    void exitInsideDeclaredMethodsClassesLambdasAndMethodReferencesIsCaughtToo() {
        eval.eval("void quit(int s) { System.exit(s); }", 1);
        exits("quit(1)");
        eval.eval("class Quitter { static void go() { System.exit(2); } }", 1);
        exits("Quitter.go()");
        exits("Runnable r = () -> System.exit(4); r.run();");
        exits("java.util.function.IntConsumer c = System::exit; c.accept(5);");
        assertEquals(7, eval.eval("3 + 4", 2).value());
    }

    @Test
    void catchingExceptionDoesNotSwallowTheExit() {
        exits("try { System.exit(6); } catch (Exception e) { System.out.println(\"swallowed\"); }");
    }

    @Test
    void aClassWithoutExitIsLoadedUnchanged() throws Exception {
        byte[] own;
        try (var in = CellExitTest.class.getResourceAsStream("CellExitTest.class")) {
            own = in.readAllBytes();
        }
        assertArrayEquals(own, ExitCallRewriter.rewrite(own));
    }
}
