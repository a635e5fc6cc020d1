package dev.jcodex.sandbox.linux;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pipe streams that never block a virtual thread's carrier. A plain FileInputStream read on a pipe pins its
 * carrier for as long as the child stays silent (the JDK's own process pipes compensate through an internal
 * API we cannot use). With as many carriers as cores, two idle children froze every virtual thread of the
 * daemon: turns, request processing, everything. A virtual thread's blocking read or write therefore runs on
 * a pooled platform thread while the virtual thread parks; platform threads read directly.
 */
public final class OffCarrierStreams {
    private static final ExecutorService BLOCKING = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("jcodex-pipe-io-", 0).factory());

    private OffCarrierStreams() {}

    public static InputStream input(InputStream in) { return new In(in); }

    public static OutputStream output(OutputStream out) { return new Out(out); }

    static <T> T offCarrier(Callable<T> io) throws IOException {
        if (!Thread.currentThread().isVirtual()) {
            try {
                return io.call();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
        Future<T> f = BLOCKING.submit(io);
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during pipe I/O");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io2 -> throw io2;
                case UncheckedIOException u -> throw u.getCause();
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    private static final class In extends FilterInputStream {
        In(InputStream in) { super(in); }

        @Override
        public int read() throws IOException { return offCarrier(in::read); }

        @Override
        public int read(byte[] b, int off, int len) throws IOException { return offCarrier(() -> in.read(b, off, len)); }

        @Override
        public byte[] readAllBytes() throws IOException { return offCarrier(in::readAllBytes); }

        @Override
        public long skip(long n) throws IOException { return offCarrier(() -> in.skip(n)); }
    }

    private static final class Out extends FilterOutputStream {
        Out(OutputStream out) { super(out); }

        @Override
        public void write(int b) throws IOException {
            offCarrier(() -> {
                out.write(b);
                return null;
            });
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            offCarrier(() -> {
                out.write(b, off, len);
                return null;
            });
        }

        @Override
        public void flush() throws IOException {
            offCarrier(() -> {
                out.flush();
                return null;
            });
        }
    }
}
