package org.mriworkbench.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.mriworkbench.train.PhysicalMemoryProbe;

/**
 * Starts a kernel on a Jupyter connection file and exits when Jupyter shuts it down. Jupyter runs it through the
 * kernelspec that {@code mri-workbench kernel install} writes ({@code java -jar mri-workbench.jar kernel FILE}); tests
 * run it directly from the test classpath.
 *
 * <p>Start-up race: rapaio's kernel hangs about one start in five because its socket loop threads are started before
 * their {@code running} flag is set, so a loop may see {@code false}, exit at once and leave a socket no one reads.
 * JJava 1.0-a6's {@code Loop.start()} sets the flag first and only then starts the thread (checked in its bytecode),
 * and its socket loops are all started by {@code connect()} before it returns, so the launcher needs no workaround
 * there. What it does guard against is the opposite end: after the connection closes, threads that cells started
 * (ND4J, AWT, executors) may keep the JVM alive, and Jupyter would wait for the process and then kill it. So the
 * launcher ends the process itself, and halts it if the orderly exit stalls.
 */
public final class KernelMain {

    /** How long the orderly exit (shutdown hooks) may take before the process is halted. */
    static final long EXIT_GRACE_SECONDS = 5;

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        PhysicalMemoryProbe.switchOffUnlessSet(); // before anything loads JavaCPP
        if (args.length != 1) {
            System.err.println("usage: KernelMain CONNECTION_FILE (Jupyter passes {connection_file})");
            System.exit(2);
        }
        serveThenExit(Path.of(args[0]));
    }

    /**
     * Serves the kernel on {@code connectionFile} until Jupyter shuts it down, then ends the JVM (see the class
     * comment for why it does not simply return).
     */
    public static void serveThenExit(Path connectionFile) throws Exception {
        serve(connectionFile);
        haltIfStuck();
        System.exit(0);
    }

    /** Serves the kernel on {@code connectionFile} until Jupyter shuts it down. */
    public static void serve(Path connectionFile) throws Exception {
        // Charts and images are drawn off-screen; without this, AWT on a server without a display throws.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(connectionFile));
        // JShell starts in the background: kernel_info is answered at once, and the first cell waits only if it must.
        Path workingDir = Path.of("").toAbsolutePath();
        CompletableFuture<CellEvaluator> evaluator = new CompletableFuture<>();
        Thread warmUp = new Thread(() -> {
            try {
                evaluator.complete(new CellEvaluator(CellEvaluator.jvmClasspath(), workingDir));
            } catch (Throwable t) {
                evaluator.completeExceptionally(t);
            }
        }, "kernel-jshell-start");
        warmUp.setDaemon(true);
        warmUp.start();
        WorkbenchKernel kernel = WorkbenchKernel.starting(evaluator);
        JupyterConnection connection = new JupyterConnection(props);
        kernel.becomeHandlerForConnection(connection);
        kernel.onStartup();
        watchParent();
        connection.connect();
        connection.waitUntilClose();
    }

    /**
     * Exits when the process that started the kernel is gone (Jupyter sets {@code JPY_PARENT_PID}), so that a
     * crashed or killed notebook server does not leave kernels running, each holding gigabytes of heap.
     */
    private static void watchParent() {
        Optional<ProcessHandle> parent = Optional.ofNullable(System.getenv("JPY_PARENT_PID"))
                .flatMap(pid -> {
                    try {
                        return ProcessHandle.of(Long.parseLong(pid.strip()));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                });
        parent.ifPresent(p -> {
            Thread t = new Thread(() -> {
                p.onExit().join();
                System.err.println("MRI Workbench kernel: the Jupyter process " + p.pid() + " is gone; exiting.");
                haltIfStuck();
                System.exit(1);
            }, "kernel-parent-watch");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Starts a daemon that halts the JVM if {@code System.exit} has not finished within the grace period. */
    private static void haltIfStuck() {
        Thread t = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(EXIT_GRACE_SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(3);
        }, "kernel-exit-watchdog");
        t.setDaemon(true);
        t.start();
    }
}
