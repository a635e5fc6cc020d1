package dev.jcodex.sandbox.linux;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's side of a pseudo-terminal: what the child writes is read from it, what we write is the child's
 * keyboard, and its window size is set here.
 *
 * <p>Java cannot wrap a raw descriptor in a stream, and reopening a master through /proc would create a new
 * terminal, so I/O goes through read/write downcalls. A downcall that blocks pins a virtual thread's carrier,
 * so nothing here blocks in native code on the caller's thread: one platform thread per terminal polls and
 * reads into a bounded queue (the child blocks when nobody reads, as with a pipe), readers take from the queue,
 * and writes are non-blocking with a short sleep while the terminal's input buffer is full.
 *
 * <p>The reader thread owns the descriptor's end: it closes the master when the last slave descriptor is gone
 * (read gives EIO) or when {@link #close()} wakes it through a pipe. Writes and ioctls hold {@code fdLock} so the
 * number is never used after that close.
 */
final class PtyMaster {
    private static final byte[] EOF = new byte[0];
    private static final int CHUNK = 16 * 1024;
    /** A write that makes no progress for this long fails rather than hold its caller (an RPC queue) forever. */
    private static final long STALLED_WRITE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final int fd;
    private final String slavePath;
    private final int wakeRead;
    private final int wakeWrite;
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(64);
    private final Object fdLock = new Object();
    private boolean fdClosed;          // guarded by fdLock
    private boolean woken;             // guarded by fdLock
    private volatile boolean closing;
    private final Input input = new Input();
    private final Output output = new Output();

    PtyMaster(int fd, String slavePath) throws IOException {
        this.fd = fd;
        this.slavePath = slavePath;
        int[] wake = Syscalls.pipe();
        this.wakeRead = wake[0];
        this.wakeWrite = wake[1];
    }

    /** Starts the reader; call once the child has the slave open (else the master reads as hung up). */
    void startReader() {
        Thread.ofPlatform().daemon().name("jcodex-pty-" + slavePath.substring(slavePath.lastIndexOf('/') + 1))
                .start(this::pump);
    }

    String slavePath() { return slavePath; }

    InputStream input() { return input; }

    OutputStream output() { return output; }

    private void pump() {
        byte[] buf = new byte[CHUNK];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment nativeBuf = arena.allocate(CHUNK);
            while (!closing) {
                short[] ready = Syscalls.poll(fd, Syscalls.POLLIN, wakeRead, Syscalls.POLLIN, -1);
                if (ready[1] != 0) break;                 // close() was called
                if (ready[0] == 0) continue;
                int n = Syscalls.read(fd, nativeBuf, buf);
                if (n == -Syscalls.EAGAIN || n == -Syscalls.EINTR) continue;
                if (n <= 0) break;                        // EIO: every slave descriptor is closed
                byte[] chunk = java.util.Arrays.copyOf(buf, n);
                while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    if (closing) return;
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // treated as the end of the output
        } finally {
            closeDescriptors();
            endOutput();
        }
    }

    /**
     * Queues the end mark after what is still unread. After {@link #close()} a reader may be gone: if no room
     * appears within a second, the unread rest is dropped.
     */
    private void endOutput() {
        boolean interrupted = false;
        long waitedMs = 0;
        while (true) {
            try {
                if (chunks.offer(EOF, 100, TimeUnit.MILLISECONDS)) break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
            waitedMs += 100;
            if (closing && waitedMs >= 1000) chunks.clear();
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Closes the descriptors of a terminal whose reader never started (the spawn failed). */
    void closeDescriptors() {
        synchronized (fdLock) {
            if (fdClosed) return;
            fdClosed = true;
            Syscalls.close(fd); // the slave side hangs up: what still runs on it gets SIGHUP
            Syscalls.close(wakeRead);
            Syscalls.close(wakeWrite);
        }
    }

    /** Closes the terminal: a pending read ends, later writes fail. Idempotent, never blocks. */
    void close() {
        closing = true;
        synchronized (fdLock) {
            if (fdClosed || woken) return;
            woken = true;
            Syscalls.write(wakeWrite, new byte[] {1}, 0, 1);
        }
    }

    void resize(int rows, int cols) throws IOException {
        synchronized (fdLock) {
            if (fdClosed) throw new IOException("the terminal is closed");
            Syscalls.setWindowSize(fd, rows, cols);
        }
    }

    int[] size() throws IOException {
        synchronized (fdLock) {
            if (fdClosed) throw new IOException("the terminal is closed");
            return Syscalls.windowSize(fd);
        }
    }

    private final class Input extends InputStream {
        private volatile byte[] current = EOF;
        private volatile int pos;
        private boolean ended;

        @Override
        public synchronized int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) return 0;
            while (pos >= current.length) {
                if (ended) return -1;
                try {
                    current = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading the terminal");
                }
                pos = 0;
                if (current == EOF) {
                    ended = true;
                    chunks.offer(EOF); // for anyone else reading
                    return -1;
                }
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        /** An estimate (never blocks behind a read waiting for output). */
        @Override
        public int available() {
            return Math.max(0, current.length - pos);
        }

        /** The reader is done with the output: the terminal closes. */
        @Override
        public void close() {
            PtyMaster.this.close();
        }
    }

    private final class Output extends OutputStream {
        private boolean eofSent;
        private int last = '\n';

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (eofSent) throw new IOException("the terminal's input was closed");
            writeRaw(b, off, len);
            if (len > 0) last = b[off + len - 1];
        }

        /**
         * A terminal cannot be half-closed: end of input is the EOF character (^D), which ends a read at the
         * start of a line. After unfinished text the first ^D only hands that text over, so a second follows.
         */
        @Override
        public synchronized void close() throws IOException {
            if (eofSent) return;
            eofSent = true;
            boolean lineStart = last == '\n' || last == '\r';
            writeRaw(lineStart ? new byte[] {4} : new byte[] {4, 4}, 0, lineStart ? 1 : 2);
        }

        private void writeRaw(byte[] b, int off, int len) throws IOException {
            int done = 0;
            long progressAt = System.nanoTime();
            while (done < len) {
                int n;
                synchronized (fdLock) {
                    if (fdClosed) throw new IOException("the terminal is closed");
                    n = Syscalls.write(fd, b, off + done, len - done);
                }
                if (n > 0) {
                    done += n;
                    progressAt = System.nanoTime();
                } else if (n == 0 || n == -Syscalls.EAGAIN || n == -Syscalls.EINTR) {
                    // The terminal's input buffer is full until the child reads; sleeping parks a virtual thread.
                    if (System.nanoTime() - progressAt > STALLED_WRITE_NANOS) {
                        throw new IOException("the terminal's input is full: the program has not read it for "
                                + TimeUnit.NANOSECONDS.toSeconds(STALLED_WRITE_NANOS) + " s (" + done + " of " + len
                                + " bytes written)");
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while writing to the terminal");
                    }
                } else {
                    throw new IOException("write to the terminal failed: " + Syscalls.strerror(-n));
                }
            }
        }
    }
}
