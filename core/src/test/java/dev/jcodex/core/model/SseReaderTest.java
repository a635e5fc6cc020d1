package dev.jcodex.core.model;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SSE framing on bytes: line endings, multi-line data, fields other than data, reads that split anything. */
class SseReaderTest {
    /** Hands out at most {@code step} bytes per read, so events, lines and CRLFs are split across reads. */
    private static InputStream trickle(byte[] bytes, int step) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    private static List<String> events(String stream, int step) throws Exception {
        List<String> out = new ArrayList<>();
        boolean stopped = new SseReader(trickle(stream.getBytes(StandardCharsets.UTF_8), step), () -> { })
                .run((b, off, len) -> {
                    out.add(new String(b, off, len, StandardCharsets.UTF_8));
                    return false;
                });
        assertFalse(stopped);
        return out;
    }

    @Test
    void eventsAreDataLinesUpToABlankLineWhateverTheReadSizes() throws Exception {
        String stream = "event: response.created\ndata: {\"a\":1}\n\n"
                + ": a comment\nid: 7\nretry: 10\ndata:{\"b\":2}\n\n"
                + "data: first\ndata: second\n\n"
                + "data: é ✓ 😀\n\n";
        for (int step : new int[] {1, 2, 3, 7, 64, 1 << 20}) {
            assertEquals(List.of("{\"a\":1}", "{\"b\":2}", "first\nsecond", "é ✓ 😀"), events(stream, step),
                    "read size " + step);
        }
    }

    @Test
    void crlfAndLoneCrEndLinesToo() throws Exception {
        String stream = "data: one\r\n\r\ndata: two\r\rdata: three\r\ndata: 3b\n\r\n";
        for (int step : new int[] {1, 2, 5, 1 << 20}) {
            assertEquals(List.of("one", "two", "three\n3b"), events(stream, step), "read size " + step);
        }
    }

    @Test
    void blankLinesWithoutDataDispatchNothingAndOnlyOneSpaceIsStripped() throws Exception {
        assertEquals(List.of("  x"), events("\n\n\ndata:   x\n\n\n\ndata: \ndata:\n\n", 3));
    }

    @Test
    void dataPendingAtEndOfStreamIsDeliveredWithOrWithoutItsNewline() throws Exception {
        assertEquals(List.of("a", "tail"), events("data: a\n\ndata: tail", 2));
        assertEquals(List.of("a", "tail"), events("data: a\n\ndata: tail\n", 2));
        assertEquals(List.of(), events("", 2));
        assertEquals(List.of(), events("event: x\n", 2));
    }

    @Test
    void aLineLargerThanTheBufferArrivesWhole() throws Exception {
        String big = "x".repeat(300_000);
        assertEquals(List.of(big, "after"), events("data: " + big + "\n\ndata: after\n\n", 10_000));
    }

    @Test
    void theSinkStopsTheReadAndActivityIsMarkedPerRead() throws Exception {
        byte[] bytes = "data: 1\n\ndata: 2\n\ndata: 3\n\n".getBytes(StandardCharsets.UTF_8);
        AtomicInteger reads = new AtomicInteger();
        List<String> seen = new ArrayList<>();
        boolean stopped = new SseReader(trickle(bytes, 4), reads::incrementAndGet).run((b, off, len) -> {
            seen.add(new String(b, off, len, StandardCharsets.UTF_8));
            return seen.size() == 2;
        });
        assertTrue(stopped);
        assertEquals(List.of("1", "2"), seen);
        assertTrue(reads.get() >= 4 && reads.get() < 7, "stopped before reading the rest; reads: " + reads.get());
    }

    @Test
    void aFailingReadPropagates() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException { throw new IOException("reset"); }

            @Override
            public int read(byte[] b, int off, int len) throws IOException { throw new IOException("reset"); }
        };
        assertThrows(IOException.class, () -> new SseReader(broken, () -> { }).run((b, off, len) -> false));
    }
}
