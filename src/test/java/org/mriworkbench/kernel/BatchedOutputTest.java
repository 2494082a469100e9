package org.mriworkbench.kernel;

import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cell's batched output: everything arrives, in order, in whole characters, in far fewer messages than lines. */
class BatchedOutputTest {

    @Test
    void aFloodOfLinesArrivesCompleteInOrderAndInFewMessages() throws Exception {
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        BatchedOutput out = new BatchedOutput(messages::add);
        AutoCloseable ticker = BatchedOutput.startTicking(out);
        PrintStream ps = out.printStream();
        int lines = 200_000;
        try {
            for (int i = 0; i < lines; i++) {
                ps.println(i);
            }
            ps.flush();
            out.flushNow(); // what the kernel does at the end of a cell
        } finally {
            ticker.close();
        }
        String all = String.join("", messages);
        String[] got = all.split("\n");
        assertEquals(lines, got.length);
        for (int i = 0; i < lines; i++) {
            if (!got[i].equals(Integer.toString(i))) {
                throw new AssertionError("line " + i + " is " + got[i]);
            }
        }
        // Messages are bounded by size (MAX_BYTES each) plus one per tick; one per line was the old behaviour.
        assertTrue(messages.size() < lines / 100, messages.size() + " messages for " + lines + " lines");
        assertTrue(messages.stream().allMatch(m -> m.getBytes(StandardCharsets.UTF_8).length <= BatchedOutput.MAX_BYTES));
        assertEquals(0, out.pending());
    }

    @Test
    void aLonelyLineIsSentByTheTickerWithoutAnotherWrite() throws Exception {
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        BatchedOutput out = new BatchedOutput(messages::add);
        AutoCloseable ticker = BatchedOutput.startTicking(out);
        try {
            out.printStream().println("epoch 1 done");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (messages.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            ticker.close();
        }
        assertEquals(List.of("epoch 1 done" + System.lineSeparator()), messages);
    }

    @Test
    void aMultiByteCharacterIsNeverSplitAcrossMessages() {
        List<String> messages = new ArrayList<>();
        BatchedOutput out = new BatchedOutput(messages::add);
        byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8); // 3 bytes
        out.write(euro, 0, 2);
        out.flushNow();
        assertEquals(List.of(), messages, "half a character waits");
        out.write(euro, 2, 1);
        out.flushNow();
        assertEquals(List.of("\u20ac"), messages);
        assertEquals(0, BatchedOutput.completeUtf8Length(new byte[] {(byte) 0xF0, (byte) 0x9F}, 2));
        assertEquals(2, BatchedOutput.completeUtf8Length(new byte[] {'a', 'b'}, 2));
    }

    @Test
    void oneLargeWriteIsCutIntoBoundedMessages() {
        List<String> messages = new ArrayList<>();
        BatchedOutput out = new BatchedOutput(messages::add);
        byte[] big = "x".repeat(3 * BatchedOutput.MAX_BYTES + 5).getBytes(StandardCharsets.US_ASCII);
        out.write(big, 0, big.length);
        out.flushNow();
        assertEquals(4, messages.size());
        assertEquals(big.length, messages.stream().mapToInt(String::length).sum());
    }
}
