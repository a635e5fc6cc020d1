package dev.jcodex.core.tools.exec;

import dev.jcodex.sandbox.PtyProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One running command: stdout and stderr merged (a pipe, or a pseudo-terminal when the model asked for a tty),
 * read on a virtual thread as it arrives. Output is kept
 * twice: everything (the item's aggregatedOutput) and what the model has not seen yet (returned by the
 * next exec_command / write_stdin call). Deltas go to a listener that the current call can swap.
 */
public final class ExecSession {
    private final int id;
    private final Process process;
    private final long startedNanos = System.nanoTime();
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private final ByteArrayOutputStream unread = new ByteArrayOutputStream();
    private final Thread reader;
    private volatile Consumer<String> listener = s -> { };
    private final Utf8Chunker chunker = new Utf8Chunker();

    ExecSession(int id, Process process) {
        this.id = id;
        this.process = process;
        this.reader = Thread.ofVirtual().name("exec-output-" + id).start(this::pump);
    }

    public int id() { return id; }
    public long pid() { return process.pid(); }
    public boolean isAlive() { return process.isAlive(); }

    void onOutput(Consumer<String> l) { this.listener = l == null ? s -> { } : l; }

    private void pump() {
        byte[] buf = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                String text;
                synchronized (this) {
                    all.write(buf, 0, n);
                    unread.write(buf, 0, n);
                    text = chunker.push(buf, n);
                }
                if (!text.isEmpty()) listener.accept(text);
            }
        } catch (IOException e) {
            // the process was killed or closed its output
        }
    }

    /**
     * Waits until the process exits or {@code millis} pass; on exit also waits for the output to drain.
     * Returns the exit code, or null while it still runs.
     */
    Integer await(long millis) throws InterruptedException {
        if (process.waitFor(millis, TimeUnit.MILLISECONDS)) {
            // Grandchildren may keep the pipe open after the command exits; don't wait for them forever.
            reader.join(java.time.Duration.ofMillis(500));
            // A terminal closes with its command, as a terminal window would: leftovers on it get SIGHUP.
            if (process instanceof PtyProcess pty) pty.closeTerminal();
            return process.exitValue();
        }
        return null;
    }

    /** The exit code once the (killed) process is gone, without waiting for its output to drain. */
    Integer awaitExit(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    synchronized String takeUnread() {
        String s = unread.toString(StandardCharsets.UTF_8);
        unread.reset();
        return s;
    }

    synchronized String aggregated() { return all.toString(StandardCharsets.UTF_8); }

    double wallSeconds() { return (System.nanoTime() - startedNanos) / 1e9; }

    long durationMs() { return (System.nanoTime() - startedNanos) / 1_000_000; }

    void write(String chars) throws IOException {
        OutputStream out = process.getOutputStream();
        out.write(chars.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Kills the command and everything it started. */
    public void kill() {
        ProcessHandle.of(process.pid()).ifPresentOrElse(ProcessTree::kill, process::destroyForcibly);
        process.destroyForcibly();
    }

    /** Splits a byte stream into strings without cutting a UTF-8 sequence in half. */
    static final class Utf8Chunker {
        private final byte[] pending = new byte[4];
        private int pendingLen;

        String push(byte[] buf, int n) {
            byte[] data = new byte[pendingLen + n];
            System.arraycopy(pending, 0, data, 0, pendingLen);
            System.arraycopy(buf, 0, data, pendingLen, n);
            int end = data.length;
            // Find where an incomplete trailing sequence starts (at most 3 bytes back).
            for (int back = 1; back <= Math.min(3, data.length); back++) {
                int b = data[data.length - back] & 0xFF;
                if ((b & 0xC0) == 0x80) continue; // continuation byte: keep looking for the lead
                int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                if (need > back) end = data.length - back;
                break;
            }
            pendingLen = data.length - end;
            System.arraycopy(data, end, pending, 0, pendingLen);
            return new String(data, 0, end, StandardCharsets.UTF_8);
        }
    }
}
