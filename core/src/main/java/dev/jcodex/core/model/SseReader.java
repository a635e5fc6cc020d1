package dev.jcodex.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Server-Sent Events framing on bytes: hands each event's data (its {@code data:} lines joined by {@code \n})
 * to a sink as a byte range, so a stream of thousands of small events costs no String per line and no
 * charset decoding before the JSON parser reads the bytes itself. Lines end with LF, CRLF or CR; other
 * fields ({@code event:}, {@code id:}, comments) are not needed by the model clients and are skipped.
 */
final class SseReader {
    /** Receives one event's data; returns true to stop reading (the response is complete). */
    @FunctionalInterface
    interface Sink {
        boolean event(byte[] data, int off, int len) throws ModelError;
    }

    private final InputStream in;
    private final Runnable onRead;
    private byte[] buf = new byte[64 * 1024];
    private int start;
    private int end;
    /** Bytes before this index hold no line terminator (a long line arriving in pieces is scanned once). */
    private int scanned;
    private byte[] data = new byte[4 * 1024];
    private int dataLen;
    private boolean afterCr;

    /** {@code onRead} runs after every read that returned bytes (the idle watchdog's activity mark). */
    SseReader(InputStream in, Runnable onRead) {
        this.in = in;
        this.onRead = onRead;
    }

    /**
     * Reads events until the sink stops (true) or the stream ends (false). Data pending at the end of the
     * stream without its closing blank line is still delivered, as a complete event.
     */
    boolean run(Sink sink) throws IOException, ModelError {
        while (true) {
            int eol = lineEnd();
            if (eol < 0) {
                if (!fill()) {
                    if (end > start) appendIfData(start, end);
                    return dataLen > 0 && sink.event(data, 0, dataLen);
                }
                continue;
            }
            int lineStart = start;
            afterCr = buf[eol] == '\r';
            start = eol + 1;
            if (eol == lineStart) {
                if (dataLen > 0) {
                    int len = dataLen;
                    dataLen = 0;
                    if (sink.event(data, 0, len)) return true;
                }
            } else {
                appendIfData(lineStart, eol);
            }
        }
    }

    /** Index of the next line terminator in the unread bytes, or -1; skips the LF of a CRLF split by a read. */
    private int lineEnd() {
        if (afterCr && start < end) {
            afterCr = false;
            if (buf[start] == '\n') start++;
        }
        for (int i = Math.max(start, scanned); i < end; i++) {
            byte b = buf[i];
            if (b == '\n' || b == '\r') return i;
        }
        scanned = end;
        return -1;
    }

    private void appendIfData(int from, int to) {
        int n = to - from;
        if (n < 5 || buf[from] != 'd' || buf[from + 1] != 'a' || buf[from + 2] != 't' || buf[from + 3] != 'a'
                || buf[from + 4] != ':') {
            return;
        }
        from += 5;
        if (from < to && buf[from] == ' ') from++;
        n = to - from;
        int need = dataLen + (dataLen > 0 ? 1 : 0) + n;
        if (need > data.length) data = Arrays.copyOf(data, Math.max(need, data.length * 2));
        if (dataLen > 0) data[dataLen++] = '\n';
        System.arraycopy(buf, from, data, dataLen, n);
        dataLen += n;
    }

    /** Reads more bytes after the unread ones (compacting or growing the buffer); false at end of stream. */
    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            scanned = Math.max(0, scanned - start);
            start = 0;
        }
        if (end == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) return false;
        end += n;
        onRead.run();
        return true;
    }
}
