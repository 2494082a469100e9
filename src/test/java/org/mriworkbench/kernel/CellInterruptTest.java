package org.mriworkbench.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notebook's stop button, as {@link WorkbenchKernel#interrupt()} calls it: from another thread, mid-cell. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CellInterruptTest {

    static CellEvaluator eval;

    @BeforeAll
    static void start() {
        eval = new CellEvaluator(CellEvaluator.jvmClasspath(), Path.of("."));
    }

    @AfterAll
    static void stop() {
        eval.close();
    }

    /** Runs {@code cell}, stops it after {@code afterMs}, and returns what the cell threw and how long stopping took. */
    private static Throwable stopAfter(String cell, long afterMs) throws Exception {
        return stopWhen(cell, () -> true, afterMs);
    }

    /** Runs {@code cell}, waits until {@code ready} holds, then {@code afterMs} more, and stops it. */
    private static Throwable stopWhen(String cell, java.util.function.BooleanSupplier ready, long afterMs)
            throws Exception {
        CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> eval.eval(cell, 1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!ready.getAsBoolean() && !run.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(afterMs);
        assertTrue(!run.isDone(), "the cell ended before it was stopped");
        long t0 = System.nanoTime();
        eval.stop();
        try {
            run.get(5, TimeUnit.SECONDS);
            throw new AssertionError("the stopped cell reported success");
        } catch (ExecutionException e) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 3000, "stopping took " + ms + " ms");
            return e.getCause();
        }
    }

    @Test
    void aBusyLoopIsStopped() throws Exception {
        assertInstanceOf(CellInterruptedException.class, stopAfter("while (true) {}", 700));
        assertEquals(2, eval.eval("1 + 1", 2).value(), "the session survives a stop");
    }

    @Test
    void aSleepingCellIsInterrupted() throws Exception {
        assertInstanceOf(CellInterruptedException.class, stopAfter("Thread.sleep(60_000);", 500));
    }

    @Test
    void aLoopThatChecksTheInterruptEndsOnItsOwnAndTheRestOfTheCellIsSkipped() throws Exception {
        eval.eval("int epochs = 0; boolean after = false;", 1);
        String cell = "while (!Thread.currentThread().isInterrupted()) { epochs++; }\nafter = true;";
        assertInstanceOf(CellInterruptedException.class, stopAfter(cell, 500));
        assertEquals(false, eval.eval("after", 1).value());
        assertTrue((Integer) eval.eval("epochs", 1).value() > 0);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aTrainingLoopIsStoppedAndTheNetworkStaysUsable() throws Exception {
        // The first ND4J use starts JVM-lifetime threads; with JDK's LocalExecutionControl this cell never ends.
        eval.eval("var net = org.mriworkbench.model.CnnPresets.classic(16, 2, 7).build();\n"
                + "var x = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 1, 16, 16);\n"
                + "var y = org.nd4j.linalg.factory.Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}, {1, 0}, {0, 1}});\n"
                + "int steps = 0;", 1);
        System.clearProperty("mri.test.fitted");
        assertInstanceOf(CellInterruptedException.class, stopWhen(
                "while (true) { net.fit(x, y); steps++; System.setProperty(\"mri.test.fitted\", \"\" + steps); }",
                () -> System.getProperty("mri.test.fitted") != null, 500));
        assertTrue((Integer) eval.eval("steps", 2).value() > 0);
        assertEquals(4, eval.eval("net.output(x).rows()", 3).value(), "the network still predicts after a stop mid-fit");
    }

    @Test
    void aStopBetweenCellsDoesNotCancelTheNextOne() {
        eval.stop();
        assertEquals(3, eval.eval("1 + 2", 1).value());
    }

    @Test
    void threadsACellStartsDoNotHoldTheCell() {
        // JDK's LocalExecutionControl joins every thread the cell started; this cell would then take 30 s.
        long t0 = System.nanoTime();
        eval.eval("Thread bg = new Thread(() -> { try { Thread.sleep(30_000); } catch (InterruptedException e) { } });\n"
                + "bg.setDaemon(true);\nbg.start();", 1);
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 10_000);
        assertEquals(true, eval.eval("bg.isAlive()", 1).value(), "and a stop does not kill them either");
    }
}
