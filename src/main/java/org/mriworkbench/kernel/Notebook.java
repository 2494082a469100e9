package org.mriworkbench.kernel;

import java.util.function.Consumer;

/**
 * What a notebook cell can call without naming a class: every kernel session runs
 * {@code import static org.mriworkbench.kernel.Notebook.*}, so a cell writes {@code display(chart)} or
 * {@code html("<b>done</b>")}.
 *
 * <p>This class holds the kernel's one piece of static state, the sink that {@link #display} hands objects to. It
 * has to be static: a JShell snippet can reach only static members, and a cell's {@code display(x)} must find the
 * kernel that runs it. One kernel runs per JVM ({@link KernelMain}), which binds the sink at start and never
 * rebinds it; tests bind their own and unbind it after.
 */
public final class Notebook {

    private static volatile Consumer<Object> sink;
    private static volatile java.util.function.BiConsumer<String, Object> updater;

    private Notebook() {
    }

    /**
     * Shows {@code value} in the cell's output now, without waiting for the cell to end: images and XChart charts as
     * PNG, Tablesaw tables as HTML tables, {@link Html} as HTML, anything else as its {@code toString()}.
     *
     * @throws IllegalStateException when no notebook kernel runs in this JVM (e.g. in a plain JShell)
     */
    public static void display(Object value) {
        Consumer<Object> s = sink;
        if (s == null) {
            throw new IllegalStateException("display(...) needs a notebook: no MRI Workbench kernel runs in this JVM");
        }
        s.accept(value);
    }

    /**
     * Shows {@code value} under a display id, so that {@link #updateDisplay(String, Object)} can replace it in place
     * later: how a training cell keeps one live chart instead of printing a new one every epoch.
     *
     * @return the display id
     */
    public static String display(Object value, String displayId) {
        display(new Identified(displayId, value));
        return displayId;
    }

    /** Replaces what was shown under {@code displayId} with {@code value}. */
    public static void updateDisplay(String displayId, Object value) {
        java.util.function.BiConsumer<String, Object> u = updater;
        if (u == null) {
            throw new IllegalStateException("updateDisplay(...) needs a notebook: no MRI Workbench kernel runs in this JVM");
        }
        u.accept(displayId, value);
    }

    /** A value to show under a display id; the kernel unwraps it. */
    public record Identified(String displayId, Object value) {
    }

    /** Makes {@code displayUpdater} receive {@link #updateDisplay} calls; {@code null} unbinds it. */
    static void bindUpdates(java.util.function.BiConsumer<String, Object> displayUpdater) {
        updater = displayUpdater;
    }

    /** Marks {@code markup} as HTML: shown rendered when displayed or when it is the cell's last value. */
    public static Html html(String markup) {
        return new Html(markup);
    }

    /** Makes {@code displaySink} receive what cells display; {@code null} unbinds it. */
    static void bind(Consumer<Object> displaySink) {
        sink = displaySink;
    }
}
