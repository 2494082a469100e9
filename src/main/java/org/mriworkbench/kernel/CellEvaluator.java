package org.mriworkbench.kernel;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;

import org.mriworkbench.magic.ClasspathMagics;
import org.mriworkbench.magic.MavenMagics;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates notebook cells with JShell inside this JVM, and answers the editor's questions about them (completion,
 * whether a cell is complete, documentation). It knows nothing of Jupyter, so it can be tested and used on its own;
 * {@link WorkbenchKernel} puts it on the wire.
 *
 * <p>The JVM's own classpath is on the JShell classpath from the start, so a notebook run by the workbench jar uses
 * {@code org.mriworkbench} classes without any magic; {@code %jars} and {@code %classpath} add more. Every session
 * also imports what JShell's own default start-up imports (IJava did the same, and notebooks written for it rely
 * on {@code List} and {@code Files} needing no import) plus {@link Notebook}'s {@code display} and {@code html}.
 *
 * <p>Cells run one at a time; {@link #stop()} is the one method meant to be called from another thread while
 * {@link #eval} runs.
 */
public final class CellEvaluator implements AutoCloseable {

    /**
     * What every session imports before the first cell: JShell's default start-up, the workbench's ground floor
     * ({@code FloatImage}, {@code ProgressListener}, ... which nearly every notebook names but which belong to no one
     * stage), plus the notebook helpers.
     */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.util.*", "java.util.concurrent.*",
            "java.util.function.*", "java.util.regex.*", "java.util.stream.*", "org.mriworkbench.core.*");

    /** The outcome of a cell that ran to its end: the value of its last expression, if it ended with one. */
    public record CellResult(boolean hasValue, Object value) {
        static final CellResult NONE = new CellResult(false, null);
    }

    /** Is a cell ready to run: complete, incomplete (then the indent for its next line), or invalid. */
    public record Readiness(Status status, String indent) {
        /** The three answers Jupyter's {@code is_complete_request} knows. */
        public enum Status { COMPLETE, INCOMPLETE, INVALID }
    }

    /** Completion candidates, each replacing the cell's text from {@code start} to {@code end}. */
    public record Completions(List<String> matches, int start, int end) {
    }

    private final CellExecutionControl control = new CellExecutionControl();
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final Tracebacks tracebacks = new Tracebacks();
    private final Path workingDir;
    private final MavenMagics maven;

    /**
     * A session whose classpath is {@code classpath} (usually the JVM's own, see {@link #jvmClasspath()}), resolving
     * the relative paths of classpath magics against {@code workingDir}.
     */
    public CellEvaluator(List<String> classpath, Path workingDir) {
        this(classpath, workingDir, MavenMagics.fromSystemProperties(() -> classpath));
    }

    /** As above, resolving {@code %maven} with {@code maven} (tests point it at a file repository). */
    public CellEvaluator(List<String> classpath, Path workingDir, MavenMagics maven) {
        SourceDocs.install(classpath);
        this.workingDir = workingDir;
        this.maven = maven;
        this.shell = JShell.builder()
                .executionEngine(CellExecutionControl.providerOf(control), null)
                .compilerOptions("-Xlint:none", "-proc:none")
                .build();
        this.analysis = shell.sourceCodeAnalysis();
        for (String entry : classpath) {
            shell.addToClasspath(entry);
        }
        StringBuilder imports = new StringBuilder();
        DEFAULT_IMPORTS.forEach(i -> imports.append("import ").append(i).append(";\n"));
        imports.append("import static ").append(Notebook.class.getName()).append(".*;\n");
        CellSource start = CellSource.parse(imports.toString());
        for (CellSource.Snippet s : start.snippets(analysis)) {
            shell.eval(s.source());
        }
    }

    /** The JVM's classpath entries: in the shaded jar, the jar itself; under Maven, every dependency. */
    public static List<String> jvmClasspath() {
        List<String> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Runs a cell: its line magics first, then its snippets in order.
     *
     * @param cell       the cell's text
     * @param cellNumber its execution count, used to name it in tracebacks ("In [3], line 2")
     * @return the value of the last snippet, when that snippet is an expression
     * @throws CompilationException      when a snippet does not compile (earlier snippets have run)
     * @throws EvaluationException       when a snippet throws, or a magic fails
     * @throws CellInterruptedException  when {@link #stop()} ended the cell
     */
    public CellResult eval(String cell, int cellNumber) {
        control.clearStop();
        CellSource source = CellSource.parse(cell);
        if (source.cellMagic() != null) {
            if (!MavenMagics.handlesCell(source.cellMagic())) {
                throw new EvaluationException("UnsupportedMagic", "%%" + source.cellMagic() + " is not a cell magic "
                        + "this kernel knows; it knows %%loadFromPOM", List.of());
            }
            int nl = cell.indexOf('\n');
            try {
                maven.loadPom(nl < 0 ? "" : cell.substring(nl + 1), p -> addToClasspath(p.toString()), System.out);
            } catch (IllegalArgumentException e) {
                throw new EvaluationException("MagicError", e.getMessage(), List.of(e.getMessage()));
            }
            return CellResult.NONE;
        }
        for (CellSource.Magic m : source.magics()) {
            runMagic(m);
        }
        CellResult result = CellResult.NONE;
        for (CellSource.Snippet s : source.snippets(analysis)) {
            result = evalSnippet(source, s, cellNumber);
            System.out.flush(); // a print() without a newline would otherwise wait for the next cell
            System.err.flush();
        }
        return result;
    }

    private void runMagic(CellSource.Magic m) {
        boolean classpathMagic = ClasspathMagics.handles(m.name());
        if (!classpathMagic && !MavenMagics.handles(m.name())) {
            throw new EvaluationException("UnknownMagic", "%" + m.name() + " (line " + m.line() + ") is not a magic this "
                    + "kernel knows; it supports %jars, %classpath, %maven, %mavenRepo and %loadFromPOM", List.of());
        }
        try {
            if (classpathMagic) {
                ClasspathMagics.apply(m.name(), m.args(), workingDir, p -> addToClasspath(p.toString()));
            } else {
                maven.apply(m.name(), m.args(), workingDir, p -> addToClasspath(p.toString()), System.out);
            }
        } catch (IllegalArgumentException e) {
            throw new EvaluationException("MagicError", e.getMessage(), List.of("Line " + m.line() + ": " + e.getMessage()));
        }
    }

    private CellResult evalSnippet(CellSource source, CellSource.Snippet s, int cellNumber) {
        if (control.stopRequested()) {
            throw new CellInterruptedException();
        }
        List<SnippetEvent> events = shell.eval(s.source());
        if (control.stopRequested()) {
            control.takeLastValue();
            throw new CellInterruptedException();
        }
        CellResult result = CellResult.NONE;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue; // a dependent snippet re-evaluated because this one changed
            }
            Snippet sn = e.snippet();
            tracebacks.remember(sn.id(), cellNumber, source.lineOf(s.offset()));
            if (e.status() == Snippet.Status.REJECTED) {
                throw compilationError(source, s, sn);
            }
            if (e.exception() instanceof EvalException ee
                    && CellExit.Called.class.getName().equals(ee.getExceptionClassName())) {
                List<String> trace = new ArrayList<>(tracebacks.format(ee));
                trace.set(0, "SystemExit: " + ee.getMessage());
                throw new EvaluationException("SystemExit", ee.getMessage(), trace);
            }
            if (e.exception() instanceof EvalException ee) {
                throw new EvaluationException(ee.getExceptionClassName(), ee.getMessage(), tracebacks.format(ee));
            }
            if (e.exception() instanceof UnresolvedReferenceException ure) {
                String what = ure.getSnippet().name();
                throw new EvaluationException("UnresolvedReference", what + " uses something that is not defined yet: "
                        + String.join("; ", diagnostics(ure.getSnippet())), List.of());
            }
            if (e.exception() != null) {
                throw new EvaluationException(e.exception().getClass().getName(), e.exception().getMessage(), List.of());
            }
            Object value = control.takeLastValue();
            if (isExpression(sn)) {
                result = new CellResult(true, value);
            }
        }
        return result;
    }

    private static boolean isExpression(Snippet sn) {
        return sn.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                || sn.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND
                || sn.subKind() == Snippet.SubKind.OTHER_EXPRESSION_SUBKIND;
    }

    private CompilationException compilationError(CellSource source, CellSource.Snippet s, Snippet sn) {
        List<CompilationException.Problem> problems = new ArrayList<>();
        shell.diagnostics(sn).filter(Diag::isError).forEach(d -> {
            long pos = d.getStartPosition() >= 0 ? d.getStartPosition() : Math.max(0, d.getPosition());
            int offset = (int) Math.min(s.offset() + pos, source.code().length());
            int line = source.lineOf(offset);
            problems.add(new CompilationException.Problem(line, source.columnOf(offset),
                    d.getMessage(Locale.ROOT), source.line(line)));
        });
        return new CompilationException(problems);
    }

    private List<String> diagnostics(Snippet sn) {
        return shell.diagnostics(sn).map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    /** Adds a jar or folder to what cells compile against and load from. */
    public void addToClasspath(String entry) {
        shell.addToClasspath(entry);
    }

    /**
     * Stops the running cell, if any: interrupts it, then ends it (see {@link CellExecutionControl}). Safe to call
     * from any thread; the cell then fails with {@link CellInterruptedException}.
     */
    public void stop() {
        shell.stop();
    }

    /** Completion candidates at {@code cursor}, for the snippet the cursor is in. */
    public Completions complete(String cell, int cursor) {
        int c = Math.max(0, Math.min(cursor, cell.length()));
        String before = CellSource.parse(cell.substring(0, c)).code();
        String remaining = before;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete() || info.remaining().isBlank()
                    || info.remaining().length() >= remaining.length()) {
                break;
            }
            remaining = info.remaining();
        }
        int snippetStart = c - remaining.length();
        int[] anchor = new int[1];
        Set<String> matches = new LinkedHashSet<>();
        analysis.completionSuggestions(remaining, remaining.length(), anchor)
                .forEach(sg -> matches.add(bareName(sg.continuation())));
        return new Completions(List.copyOf(matches), snippetStart + anchor[0], c);
    }

    /**
     * A method's name without JShell's {@code (} or {@code ()}: Jupyter's front ends, and its conformance suite,
     * expect the name ({@code println} for {@code System.out.printl}), as Python kernels give it; the user types the
     * parenthesis, and overloads collapse into one entry.
     */
    static String bareName(String continuation) {
        if (continuation.endsWith("()")) {
            return continuation.substring(0, continuation.length() - 2);
        }
        return continuation.endsWith("(") ? continuation.substring(0, continuation.length() - 1) : continuation;
    }

    /** Whether the cell can run as it is, for front ends that run a cell on Enter only when it is complete. */
    public Readiness readiness(String cell) {
        String remaining = CellSource.parse(cell).code();
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness c = info.completeness();
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) {
                return new Readiness(Readiness.Status.INCOMPLETE, nextIndent(cell));
            }
            if (c == Completeness.UNKNOWN) {
                return new Readiness(Readiness.Status.INVALID, "");
            }
            if (info.remaining().length() >= remaining.length()) {
                break;
            }
            remaining = info.remaining();
        }
        return new Readiness(Readiness.Status.COMPLETE, "");
    }

    private static String nextIndent(String cell) {
        String last = cell.substring(cell.lastIndexOf('\n') + 1);
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        return last.strip().endsWith("{") ? indent + "    " : indent;
    }

    /**
     * What the notebook shows on Shift-Tab ({@code inspect_request}): the signature of each overload of what is at
     * {@code cursor}, each with the first paragraph of its Javadoc ({@code detail}: all of it), or "" if nothing.
     * Javadoc comes from the JDK's {@code src.zip} and the workbench's sources (see {@link SourceDocs}). A cursor
     * inside or right after a name asks about that name, with the call's parenthesis if one follows.
     */
    public String documentation(String cell, int cursor, boolean detail) {
        int c = Math.max(0, Math.min(cursor, cell.length()));
        int end = c;
        while (end < cell.length() && Character.isJavaIdentifierPart(cell.charAt(end))) {
            end++;
        }
        String code = CellSource.parse(cell.substring(0, end)).code();
        if (end < cell.length() && cell.charAt(end) == '(') {
            code = code + "(";
        }
        String snippet = currentSnippet(code);
        StringBuilder out = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : analysis.documentation(snippet, snippet.length(), true)) {
            out.append(d.signature()).append('\n');
            String doc = detail ? SourceDocs.plain(d.javadoc() == null ? "" : d.javadoc())
                    : SourceDocs.firstParagraph(d.javadoc());
            if (!doc.isBlank()) {
                out.append(doc).append("\n");
            }
            out.append('\n');
        }
        return out.toString().strip();
    }

    /** {@link #documentation(String, int, boolean)} with the first paragraph only. */
    public String documentation(String cell, int cursor) {
        return documentation(cell, cursor, false);
    }

    /** The text of the last (unfinished) snippet of {@code code}: what JShell's analysis should look at. */
    private String currentSnippet(String code) {
        String remaining = code;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete() || info.remaining().isBlank()
                    || info.remaining().length() >= remaining.length()) {
                return remaining;
            }
            remaining = info.remaining();
        }
    }

    /**
     * Stops any running cell and closes JShell, waiting up to {@code timeout} for the cell's thread to end, so that a
     * kernel shutting down during a training loop does not leave it running while the JVM exits.
     */
    public void close(long timeout, TimeUnit unit) {
        stop();
        try {
            control.awaitIdle(timeout, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shell.close();
        maven.close();
    }

    @Override
    public void close() {
        close(2, TimeUnit.SECONDS);
    }
}
