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
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    private final CompletableFuture<CellEvaluator> evaluator;
    private final BatchedOutput cellOut;
    private final BatchedOutput cellErr;
    private final PrintStream cellOutStream;
    private final PrintStream cellErrStream;
    private AutoCloseable ticker;
    private final CellHistory history;
    private volatile boolean storeCurrent = true;
    /** The last cell's reply environment: where displays go once no cell runs (see {@link #onStartup()}). */
    private volatile ShellReplyEnvironment lastCellEnv;

    private WorkbenchKernel(CompletableFuture<CellEvaluator> evaluator, CellHistory history) {
        super("MRI Workbench", VERSION, languageInfo(), List.of(), history, new JupyterIO(StandardCharsets.UTF_8),
                new CommManager(), new Renderer(), null, new MagicsRegistry(), false,
                new StringStyler.Builder().addPrimaryStyle(TextColor.BOLD_RED_FG).addSecondaryStyle(TextColor.RESET_FG)
                        .addHighlightStyle(TextColor.BOLD_RESET_FG).build());
        this.evaluator = evaluator;
        this.history = history;
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
        lastCellEnv = env;
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
        return new WorkbenchKernel(CompletableFuture.completedFuture(evaluator), new CellHistory());
    }

    /**
     * A kernel whose JShell is still starting: it answers {@code kernel_info} (and so becomes "ready" in Jupyter) at
     * once, and the first request that needs JShell (a cell, completion, inspection) waits for {@code evaluator}.
     * JShell's start (compiler, execution engine, the default imports) is about a third of a kernel's start-up,
     * and the user is usually still reading the notebook when it ends.
     */
    public static WorkbenchKernel starting(CompletableFuture<CellEvaluator> evaluator) {
        return new WorkbenchKernel(evaluator, new CellHistory());
    }

    /** The evaluator, waiting for JShell's start if it has not finished; a failed start fails the request. */
    private CellEvaluator evaluator() {
        try {
            return evaluator.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("JShell did not start: " + e.getCause(), e.getCause());
        }
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

    /**
     * Binds {@code display(...)} to this kernel's output, so cells can show results while they run.
     *
     * <p>A live chart is typically shown by a cell that starts a training in a background thread, and updated by that
     * thread for minutes after the cell has ended. JJava drops what is displayed when no cell runs, so such
     * displays are published through the last cell's reply environment instead: an {@code update_display_data}
     * replaces every output with its display id wherever it is (that is how Jupyter defines display ids), so the
     * chart keeps moving; a new {@code display(...)} then goes to the last cell, which front ends may or may not
     * still show. Hence the documented pattern: {@code display(chart, id)} in the cell, {@code updateDisplay(id, ..)}
     * from the thread.
     */
    @Override
    public void onStartup() {
        ticker = BatchedOutput.startTicking(cellOut, cellErr);
        Notebook.bind(value -> {
            flushCellOutput();
            DisplayData data;
            if (value instanceof Notebook.Identified id) {
                data = getRenderer().render(id.value());
                data.setDisplayId(id.displayId());
            } else {
                data = getRenderer().render(value);
            }
            ShellReplyEnvironment after = lastCellEnv;
            if (getIO().display.isAttached() || after == null) {
                display(data);
            } else {
                after.publish(new PublishDisplayData(data));
            }
        });
        Notebook.bindUpdates((displayId, value) -> {
            flushCellOutput();
            DisplayData data = getRenderer().render(value);
            data.setDisplayId(displayId);
            ShellReplyEnvironment after = lastCellEnv;
            if (getIO().display.isAttached() || after == null) {
                getIO().display.updateDisplay(displayId, data);
            } else {
                after.publish(new PublishUpdateDisplayData(data));
            }
        });
    }

    /** Stops a running cell and closes JShell; the process then exits ({@link KernelMain}). */
    @Override
    public void onShutdown(boolean isRestarting) {
        Notebook.bind(null);
        Notebook.bindUpdates(null);
        if (!evaluator.isDone()) {
            evaluator.thenAccept(e -> e.close(2, TimeUnit.SECONDS)); // closed when its start ends
        } else if (!evaluator.isCompletedExceptionally()) {
            evaluator.join().close(2, TimeUnit.SECONDS);
        }
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

    /** Answers {@code history_request} from {@link CellHistory}, with the {@code status} JJava's reply lacks. */
    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> request) {
        env.setBusyDeferIdle();
        HistoryRequest r = request.getContent();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (r.includeOutput()) {
            flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries = switch (r.getAccessType()) {
            case TAIL -> history.lookupTail(((HistoryRequest.Tail) r).getMaxReturnLength(), flags);
            case RANGE -> {
                HistoryRequest.Range range = (HistoryRequest.Range) r;
                yield history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
            }
            case SEARCH -> {
                HistoryRequest.Search search = (HistoryRequest.Search) r;
                if (search.filterUnique()) {
                    flags.add(HistoryManager.ResultFlag.UNIQUE);
                }
                yield history.search(search.getPattern(), search.getMaxReturnLength(), flags);
            }
        };
        env.reply(new HistoryOkReply(entries));
    }

    /**
     * A {@code history_reply} with {@code "status": "ok"}, which the protocol requires, and entries in the protocol's
     * form ({@code [session, line, input]} or {@code [session, line, [input, output]]}): JJava's reply has neither
     * (its Gson writes the entries as objects).
     */
    static final class HistoryOkReply implements ContentType<HistoryOkReply> {
        @SuppressWarnings("unused") // read by Gson
        private final String status = "ok";
        @SuppressWarnings("unused")
        private final List<List<Object>> history;

        HistoryOkReply(List<HistoryEntry> entries) {
            this.history = entries.stream().map(e -> List.<Object>of(e.getSession(), e.getCellNumber(),
                    e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput())).toList();
        }

        @Override
        @SuppressWarnings("unchecked")
        public MessageType<HistoryOkReply> getType() {
            return (MessageType<HistoryOkReply>) (MessageType<?>) HistoryReply.MESSAGE_TYPE;
        }
    }

    /** JJava's kernel-info reply plus {@code "status": "ok"} (Gson writes inherited fields and this one). */
    static final class KernelInfoOkReply extends KernelInfoReply {
        @SuppressWarnings("unused") // read by Gson
        private final String status = "ok";

        KernelInfoOkReply(LanguageInfo info, String banner, List<HelpLink> links) {
            super(PROTOCOL_VERSION, "MRI Workbench", VERSION, info, banner, links);
        }
    }

    /**
     * Notes whether this request's cell goes into the history; {@link #evalRaw} records it before the reply is
     * sent, so that nothing runs between the reply and the kernel's idle status (clients wait for that briefly).
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> request) {
        ExecuteRequest r = request.getContent();
        storeCurrent = r.shouldStoreHistory() && !r.isSilent();
        super.handleExecuteRequest(env, request);
    }

    @Override
    public Object evalRaw(String code) {
        int cellNumber = Math.max(1, executionCount.get() - 1); // BaseKernel counts the cell before it runs it
        Object shown = null;
        try {
            CellEvaluator.CellResult r = evaluator().eval(code, cellNumber);
            shown = r.hasValue() && !DisplayRenderers.showsNothing(r.value()) ? r.value() : null;
            return shown;
        } finally {
            if (storeCurrent) {
                history.add(cellNumber, code, shown == null ? null : String.valueOf(shown));
            }
            flushCellOutput();
        }
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String doc = evaluator().documentation(code, at, extraDetail);
        return doc.isEmpty() ? null : new DisplayData(doc);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        CellEvaluator.Completions c = evaluator().complete(code, at);
        return c.matches().isEmpty() ? null : new ReplacementOptions(c.matches(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        CellEvaluator.Readiness r = evaluator().readiness(code);
        return switch (r.status()) {
            case COMPLETE -> IS_COMPLETE_YES;
            case INVALID -> IS_COMPLETE_BAD;
            case INCOMPLETE -> r.indent();
        };
    }

    /** The notebook's stop button (an {@code interrupt_request} on the control channel). */
    @Override
    public void interrupt() {
        if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) {
            evaluator.join().stop();
        }
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
