package dev.jcodex.appserver.transport;

import dev.jcodex.appserver.rpc.Outbound;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The single writer of a JSONL stream: a bounded queue drained by one thread that writes everything
 * available, then flushes once (bursts of deltas cost one flush, a lone response is written at once).
 * A producer waits while the queue is full; if the peer has not drained anything for {@code stallMs},
 * {@link #send} reports failure so the connection can be dropped instead of growing without bound.
 */
public final class WriterQueue implements Outbound {
    private static final byte[] POISON = new byte[0];

    private final BlockingQueue<byte[]> queue;
    private final OutputStream sink;
    private final long stallMs;
    private final Thread writer;
    private volatile boolean closed;

    public WriterQueue(OutputStream sink, int capacity, long stallMs, String name) {
        // Buffered: a drained batch leaves in 64 KB writes, not two write(2) calls per message (FileOutputStream
        // writes through), so a client reading a burst of deltas wakes once per batch, not per line.
        this.sink = new BufferedOutputStream(sink, 64 * 1024);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.stallMs = stallMs;
        this.writer = Thread.ofPlatform().daemon(true).name(name).start(this::drain);
    }

    @Override
    public boolean send(byte[] message) {
        if (closed) return false;
        try {
            return queue.offer(message, stallMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void drain() {
        List<byte[]> batch = new ArrayList<>(256);
        try {
            while (true) {
                byte[] first = queue.take();
                batch.add(first);
                queue.drainTo(batch, 4096);
                for (byte[] m : batch) {
                    if (m == POISON) {
                        sink.flush();
                        return;
                    }
                    sink.write(m);
                    sink.write('\n');
                }
                batch.clear();
                sink.flush();
            }
        } catch (IOException e) {
            closed = true;
            System.err.println("jcodex: output closed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued, then stops (waits briefly so a final response is not lost). */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            queue.offer(POISON, 2, TimeUnit.SECONDS);
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
