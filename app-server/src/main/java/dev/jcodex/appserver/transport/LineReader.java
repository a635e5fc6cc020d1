package dev.jcodex.appserver.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads newline-terminated messages as raw bytes (no String decoding: Jackson parses UTF-8 itself and
 * reports invalid bytes). A line longer than {@code maxLine} is skipped up to its newline and reported,
 * so one huge line cannot exhaust memory.
 */
public final class LineReader {
    public interface Sink {
        void line(byte[] buf, int off, int len);

        void oversized(long length);
    }

    private final InputStream in;
    private final int maxLine;
    private final byte[] chunk = new byte[64 * 1024];
    private byte[] line = new byte[8 * 1024];
    private int lineLen;
    private long skipped = -1;

    public LineReader(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** Reads until EOF, delivering each line. */
    public void run(Sink sink) throws IOException {
        int n;
        while ((n = in.read(chunk)) > 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\n') {
                    append(chunk, start, i - start);
                    emit(sink);
                    start = i + 1;
                }
            }
            append(chunk, start, n - start);
        }
        if (lineLen > 0 || skipped >= 0) emit(sink);
    }

    private void append(byte[] b, int off, int len) {
        if (len <= 0) return;
        if (skipped >= 0) {
            skipped += len;
            return;
        }
        if (lineLen + len > maxLine) {
            skipped = (long) lineLen + len;
            lineLen = 0;
            line = new byte[8 * 1024];
            return;
        }
        if (lineLen + len > line.length) {
            try {
                line = Arrays.copyOf(line, (int) Math.min(maxLine, Math.max(line.length * 2L, lineLen + len)));
            } catch (OutOfMemoryError e) {
                // the heap is short right now (other work): refuse this line as too long rather than die
                skipped = (long) lineLen + len;
                lineLen = 0;
                line = new byte[8 * 1024];
                return;
            }
        }
        System.arraycopy(b, off, line, lineLen, len);
        lineLen += len;
    }

    private void emit(Sink sink) {
        if (skipped >= 0) {
            sink.oversized(skipped);
            skipped = -1;
        } else {
            int len = lineLen;
            if (len > 0 && line[len - 1] == '\r') len--;
            sink.line(line, 0, len);
        }
        lineLen = 0;
        if (line.length > 1024 * 1024) line = new byte[8 * 1024];
    }
}
