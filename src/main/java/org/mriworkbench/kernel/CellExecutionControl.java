package org.mriworkbench.kernel;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs JShell snippets in the kernel's own JVM, so that {@code display(...)} and the workbench classes a cell uses are
 * the very objects the kernel renders.
 *
 * <p>Why not JDK 17's {@code LocalExecutionControl} (JShell's {@code executionEngine("local")}): read from its
 * bytecode, it runs each snippet in a fresh thread of one shared {@link ThreadGroup} and then joins <em>every</em>
 * thread in that group. Any thread a cell starts inherits the group, so the first cell that touches ND4J (whose
 * deallocator and workspace threads live for the whole JVM) or a parallel stream (common-pool workers idle for 60 s)
 * would not finish; its stop also kills the whole group, background threads included, and it replaces the JVM-wide
 * default uncaught-exception handler. It also reduces every result to a string, while the notebook needs the object
 * itself to render an image, a chart or a table. This class keeps what was useful there, one fresh thread per snippet
 * so that a stopped thread never runs kernel code again, and changes the rest: it joins only the snippet's own
 * thread, stops only that thread, and hands the returned object to {@link #takeLastValue()}.
 *
 * <p>Every class a snippet defines passes through {@link #load} on its way to the class loader, where
 * {@link ExitCallRewriter} turns its {@code System.exit} calls into {@link CellExit#exit(int)}, which ends the cell
 * instead of the kernel's JVM.
 *
 * <p>Stopping is two-step: first the thread's interrupted flag is set, so a training loop that checks
 * {@code Thread.interrupted()} (or sleeps, or waits) ends cleanly at a point of its choosing; if the snippet is still
 * running after {@link #STOP_GRACE_MS}, {@code Thread.stop} ends it (it works on JDK 17; from JDK 20 it throws, and
 * then only the interrupt remains).
 */
final class CellExecutionControl extends DirectExecutionControl {

    /** How long an interrupted snippet may take to end on its own before it is stopped. */
    static final long STOP_GRACE_MS = 300;

    /** How often a snippet that survives {@code Thread.stop} is stopped again, {@link #STOP_GRACE_MS} apart. */
    static final int STOP_ATTEMPTS = 8;

    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final Object lock = new Object();
    private Thread running;
    private boolean stopRequested;
    private Object lastValue;

    /** A provider for {@code JShell.builder().executionEngine(provider, null)} that hands out {@code control}. */
    static ExecutionControlProvider providerOf(CellExecutionControl control) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "mri-workbench-in-process";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
    }

    /**
     * The object the last snippet returned (for an expression, its value; for a statement, {@code null}), and
     * forgets it, so that a large image or model is not kept alive by the kernel after it has been rendered.
     */
    Object takeLastValue() {
        synchronized (lock) {
            Object v = lastValue;
            lastValue = null;
            return v;
        }
    }

    /** Whether {@link #stop()} was called since the last {@link #clearStop()}: the cell must not go on. */
    boolean stopRequested() {
        synchronized (lock) {
            return stopRequested;
        }
    }

    /** Called before each cell, so that a stop aimed at the previous cell does not cancel the next one. */
    void clearStop() {
        synchronized (lock) {
            stopRequested = false;
        }
    }

    /** Loads the snippet's classes with their {@code System.exit} calls redirected to {@link CellExit}. */
    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] rewritten = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            rewritten[i] = new ClassBytecodes(classes[i].name(), ExitCallRewriter.rewrite(classes[i].bytecodes()));
        }
        super.load(rewritten);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        boolean[] returned = new boolean[1];
        Thread thread = new Thread(() -> {
            try {
                result[0] = doitMethod.invoke(null);
                returned[0] = true;
            } catch (Throwable t) { // ThreadDeath from stop() included: it must not escape as an uncaught error
                failure[0] = t;
            }
        }, "notebook-cell-" + THREAD_IDS.incrementAndGet());
        // Daemon, so that a snippet stuck in native code after a failed stop never keeps a shut-down kernel alive.
        thread.setDaemon(true);
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        synchronized (lock) {
            if (stopRequested) {
                throw new StoppedException();
            }
            running = thread;
            lastValue = null;
        }
        try {
            thread.start();
            thread.join();
        } finally {
            synchronized (lock) {
                running = null;
            }
        }
        Throwable t = failure[0];
        if (t == null && !returned[0]) {
            throw new StoppedException(); // a repeated stop landed outside the snippet, in the catch above
        }
        Throwable cause = t instanceof InvocationTargetException ? t.getCause() : t;
        if (cause instanceof ThreadDeath || (cause instanceof InterruptedException && stopRequested())) {
            throw new StoppedException();
        }
        if (t != null) {
            if (t instanceof Exception) {
                throw (Exception) t; // DirectExecutionControl turns it into a UserException with its stack trace
            }
            throw new InvocationTargetException(t);
        }
        synchronized (lock) {
            lastValue = result[0];
        }
        return valueString(result[0]);
    }

    /**
     * Interrupts the running snippet, then stops it if it has not ended within {@link #STOP_GRACE_MS}, and again
     * (up to {@link #STOP_ATTEMPTS} times) while it still runs.
     */
    @Override
    public void stop() {
        Thread target;
        synchronized (lock) {
            stopRequested = true;
            target = running;
        }
        if (target == null) {
            return;
        }
        target.interrupt();
        try {
            target.join(STOP_GRACE_MS);
            // Library code that catches Throwable can swallow one ThreadDeath and carry on (a DL4J training loop in
            // a cell once outlived a single stop in CI), so the stop is repeated until the snippet's thread ends.
            for (int i = 0; i < STOP_ATTEMPTS && target.isAlive(); i++) {
                forceStop(target);
                target.join(STOP_GRACE_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings({"removal", "deprecation"})
    private void forceStop(Thread target) {
        synchronized (lock) {
            // Only the snippet's own thread, and only while it still runs user code: never a kernel thread.
            if (running != target || !target.isAlive()) {
                return;
            }
            try {
                target.stop();
            } catch (UnsupportedOperationException e) {
                System.err.println("This JVM cannot stop threads (Thread.stop is gone from JDK 20 on); the cell was "
                        + "interrupted and ends when it next checks Thread.interrupted().");
            }
        }
    }

    /** Waits until no snippet runs, up to {@code timeout}; for shutdown, so the JVM exits after the cell ended. */
    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        Thread t;
        synchronized (lock) {
            t = running;
        }
        if (t != null) {
            t.join(unit.toMillis(timeout));
            return !t.isAlive();
        }
        return true;
    }
}
