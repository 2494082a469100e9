package org.mriworkbench.kernel;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A cell's {@code System.out} (or {@code err}) that sends what it collects as one stream message every
 * {@link #INTERVAL_MS}, or as soon as {@link #MAX_BYTES} are waiting, instead of one message per line.
 *
 * <p>Why: JJava's streams flush on every {@code println}, and each flush is a signed, JSON-encoded message. A cell that
 * prints 200,000 lines sent 16,467 messages in its first 69 s, never finished, and froze the browser. ipykernel
 * solves this the same way: it collects a cell's output and flushes it every few tens of milliseconds from a
 * background thread, so that a slow cell's progress line still shows promptly while a fast one sends a handful of
 * large messages.
 *
 * <p>An explicit {@code flush()} from the cell only asks for the next tick: a loop that calls it after every line
 * would otherwise bring back one message per line. The kernel itself calls {@link #flushNow()} at the end of each cell
 * and before a {@code display(...)}, so output is complete and in order with what the cell shows. What is sent is
 * always whole UTF-8 characters: a multi-byte character split across two writes waits for its second half.
 */
final class BatchedOutput extends OutputStream {

    /** How long output may wait before it is sent: short enough to read as live, long enough to batch a flood. */
    static final long INTERVAL_MS = 50;
    /** A batch this large is sent at once by the writing thread, which also bounds the memory a flood can take. */
    static final int MAX_BYTES = 64 * 1024;

    private final Consumer<String> sink;
    private byte[] buf = new byte[8192];
    private int count;

    /** Output sent to {@code sink}, one call per batch; {@code sink} is called with this stream's lock held. */
    BatchedOutput(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** A (non-auto-flushing) UTF-8 print stream over this batcher, for {@code System.setOut}. */
    PrintStream printStream() {
        return new PrintStream(this, false, StandardCharsets.UTF_8);
    }

    /**
     * Starts a daemon that calls {@link #flushNow()} on {@code outputs} every {@link #INTERVAL_MS}; closing the
     * returned handle stops it.
     */
    static AutoCloseable startTicking(BatchedOutput... outputs) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kernel-output-flush");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(() -> {
            for (BatchedOutput o : outputs) {
                try {
                    o.flushNow();
                } catch (RuntimeException e) {
                    // The connection may be closing; output of a cell that outlives it has nowhere to go.
                }
            }
        }, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
        return ticker::shutdownNow;
    }

    @Override
    public synchronized void write(int b) {
        if (count == MAX_BYTES) {
            flushNow();
        }
        ensure(count + 1);
        buf[count++] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (count >= MAX_BYTES) {
                flushNow();
            }
            int n = Math.min(len, Math.max(MAX_BYTES - count, 0));
            ensure(count + n);
            System.arraycopy(b, off, buf, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    /** Leaves sending to the next tick (see the class comment). */
    @Override
    public void flush() {
    }

    /** Sends what is waiting now, up to the last whole UTF-8 character. */
    synchronized void flushNow() {
        int n = completeUtf8Length(buf, count);
        if (n == 0) {
            return;
        }
        String text = new String(buf, 0, n, StandardCharsets.UTF_8);
        System.arraycopy(buf, n, buf, 0, count - n);
        count -= n;
        sink.accept(text);
    }

    /** Bytes waiting to be sent (for tests). */
    synchronized int pending() {
        return count;
    }

    private void ensure(int capacity) {
        if (capacity > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(capacity, Math.min(buf.length * 2, MAX_BYTES)));
        }
    }

    /**
     * The length of the longest prefix of {@code b[0, len)} that does not end inside a UTF-8 sequence. Bytes that
     * are not valid UTF-8 at all are passed on (the decoder replaces them) rather than held back for ever.
     */
    static int completeUtf8Length(byte[] b, int len) {
        for (int back = 1; back <= Math.min(3, len); back++) {
            int v = b[len - back] & 0xFF;
            if ((v & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back for the lead byte
            }
            int need = v >= 0xF0 ? 4 : v >= 0xE0 ? 3 : v >= 0xC0 ? 2 : 1;
            return need > back ? len - back : len;
        }
        return len;
    }
}
