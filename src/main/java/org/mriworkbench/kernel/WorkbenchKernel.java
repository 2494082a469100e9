package org.mriworkbench.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Jupyter side of the kernel: JJava's {@link BaseKernel} speaks the protocol (sockets, message signing, busy and
 * idle states, replacing {@code System.out}/{@code err} with the notebook's streams while a cell runs), and this class
 * answers with a {@link CellEvaluator}.
 *
 * <p>BaseKernel's own magic parser is not used: it rewrites magics into Java calls to its global kernel, while this
 * kernel handles IJava's {@code %jars} and {@code %classpath} before the cell reaches JShell (see {@link CellSource}).
 */
public final class WorkbenchKernel extends BaseKernel {

    /** The kernel's version as Jupyter shows it. */
    public static final String VERSION = "0.1.0";
    /** The Jupyter messaging protocol version JJava 1.0-a6 implements. */
    static final String PROTOCOL_VERSION = "5.3";

    private final CellEvaluator evaluator;
    private final BatchedOutput cellOut;
    private final BatchedOutput cellErr;
    private final PrintStream cellOutStream;
    private final PrintStream cellErrStream;
    private AutoCloseable ticker;

    private WorkbenchKernel(CellEvaluator evaluator) {
        super("MRI Workbench", VERSION, languageInfo(), List.of(), null, new JupyterIO(StandardCharsets.UTF_8),
                new CommManager(), new Renderer(), null, new MagicsRegistry(), false,
                new StringStyler.Builder().addPrimaryStyle(TextColor.BOLD_RED_FG).addSecondaryStyle(TextColor.RESET_FG)
                        .addHighlightStyle(TextColor.BOLD_RESET_FG).build());
        this.evaluator = evaluator;
        DisplayRenderers.registerAll(getRenderer());
        this.cellOut = new BatchedOutput(text -> send(getIO().out, text));
        this.cellErr = new BatchedOutput(text -> send(getIO().err, text));
        this.cellOutStream = cellOut.printStream();
        this.cellErrStream = cellErr.printStream();
    }

    /**
     * One stream message: JJava's stream sends what it holds on flush (nothing once the cell's reply went out). The
     * bytes go in one {@code write}, because its auto-flushing {@code PrintStream} flushes after every write, and
     * {@code print(String)} would write (and so send) in 8 KiB pieces.
     */
    private static void send(PrintStream jupyterStream, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        jupyterStream.write(bytes, 0, bytes.length);
        jupyterStream.flush();
    }

    /**
     * Gives the cell batched streams (see {@link BatchedOutput}) in place of JJava's, which send one message per
     * line; JJava's own deferred action still restores the kernel's streams after the cell.
     */
    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
        super.replaceOutputStreams(env);
        System.setOut(cellOutStream);
        System.setErr(cellErrStream);
    }

    /** Sends the cell's waiting output, so that it precedes what comes next (a display, the result, an error). */
    private void flushCellOutput() {
        cellOutStream.flush(); // PrintStream's own buffer (a no-op today, kept for safety)
        cellErrStream.flush();
        cellOut.flushNow();
        cellErr.flushNow();
    }

    /** A kernel evaluating with {@code evaluator}; call {@link #onStartup()} before connecting it. */
    public static WorkbenchKernel create(CellEvaluator evaluator) {
        return new WorkbenchKernel(evaluator);
    }

    private static LanguageInfo languageInfo() {
        String java = Runtime.version().toString();
        return new LanguageInfo("java", java, "text/x-java-source", ".jshell", "java", "java", "script");
    }

    @Override
    public String getBanner() {
        return "MRI Workbench kernel " + VERSION + " on Java " + Runtime.version()
                + ". Research and teaching only, not for diagnosis.";
    }

    /** Binds {@code display(...)} to this kernel's output, so cells can show results while they run. */
    @Override
    public void onStartup() {
        ticker = BatchedOutput.startTicking(cellOut, cellErr);
        Notebook.bind(value -> {
            flushCellOutput();
            if (value instanceof Notebook.Identified id) {
                DisplayData data = getRenderer().render(id.value());
                data.setDisplayId(id.displayId());
                display(data);
            } else {
                display(getRenderer().render(value));
            }
        });
        Notebook.bindUpdates((displayId, value) -> {
            flushCellOutput();
            DisplayData data = getRenderer().render(value);
            data.setDisplayId(displayId);
            getIO().display.updateDisplay(displayId, data);
        });
    }

    /** Stops a running cell and closes JShell; the process then exits ({@link KernelMain}). */
    @Override
    public void onShutdown(boolean isRestarting) {
        Notebook.bind(null);
        Notebook.bindUpdates(null);
        evaluator.close(2, TimeUnit.SECONDS);
        flushCellOutput();
        if (ticker != null) {
            try {
                ticker.close();
            } catch (Exception e) {
                // shutting down anyway
            }
        }
    }

    /**
     * Answers {@code kernel_info_request} with a {@code status} field, which the protocol requires (since 5.1) and
     * JJava 1.0-a6's reply lacks; Jupyter's own conformance suite rejects the reply without it.
     */
    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfoOkReply(getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    /** JJava's kernel-info reply plus {@code "status": "ok"} (Gson writes inherited fields and this one). */
    static final class KernelInfoOkReply extends KernelInfoReply {
        @SuppressWarnings("unused") // read by Gson
        private final String status = "ok";

        KernelInfoOkReply(LanguageInfo info, String banner, List<HelpLink> links) {
            super(PROTOCOL_VERSION, "MRI Workbench", VERSION, info, banner, links);
        }
    }

    @Override
    public Object evalRaw(String code) {
        int cellNumber = Math.max(1, executionCount.get() - 1); // BaseKernel counts the cell before it runs it
        try {
            CellEvaluator.CellResult r = evaluator.eval(code, cellNumber);
            return r.hasValue() && !DisplayRenderers.showsNothing(r.value()) ? r.value() : null;
        } finally {
            flushCellOutput();
        }
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String doc = evaluator.documentation(code, at, extraDetail);
        return doc.isEmpty() ? null : new DisplayData(doc);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        CellEvaluator.Completions c = evaluator.complete(code, at);
        return c.matches().isEmpty() ? null : new ReplacementOptions(c.matches(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        CellEvaluator.Readiness r = evaluator.readiness(code);
        return switch (r.status()) {
            case COMPLETE -> IS_COMPLETE_YES;
            case INVALID -> IS_COMPLETE_BAD;
            case INCOMPLETE -> r.indent();
        };
    }

    /** The notebook's stop button (an {@code interrupt_request} on the control channel). */
    @Override
    public void interrupt() {
        evaluator.stop();
    }

    /** A cell's own traceback (cell lines, no kernel frames); the full stack only for a kernel bug. */
    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CellException ce) {
            List<String> out = new ArrayList<>();
            List<String> lines = ce.traceback();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                boolean head = i == 0 || line.startsWith("Caused by:") || line.startsWith("Compile error");
                out.add(head ? errorStyler.primary(line) : errorStyler.secondary(line));
            }
            return out;
        }
        return super.formatError(e);
    }
}
