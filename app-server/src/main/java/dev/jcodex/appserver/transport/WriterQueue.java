package dev.jcodex.appserver.transport;

import dev.jcodex.appserver.rpc.MessageLimits;
import dev.jcodex.appserver.rpc.Outbound;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The single writer of a JSONL stream: a bounded queue drained by one thread that writes everything
 * available, then flushes once (bursts of deltas cost one flush, a lone response is written at once).
 * A producer waits while the queue is full; if the peer has not drained anything for {@code stallMs},
 * {@link #send} reports failure so the connection can be dropped instead of growing without bound.
 */
public final class WriterQueue implements Outbound {
    private static final byte[] POISON = new byte[0];

    /** Queued bytes, in KiB credits: a count bound alone let 16k messages of 22 KB (a streamed command) fill the heap. */
    private final Semaphore credits;
    private final int maxCredits;
    private final BlockingQueue<byte[]> queue;
    private final OutputStream sink;
    private final long stallMs;
    private final Thread writer;
    private volatile boolean closed;

    public WriterQueue(OutputStream sink, int capacity, long stallMs, String name) {
        this(sink, capacity, DEFAULT_MAX_PENDING_BYTES, stallMs, name);
    }

    /** At most 32 MiB queued (or the message limit, when larger: one message always fits). */
    public static final long DEFAULT_MAX_PENDING_BYTES = Math.max(32L * 1024 * 1024, MessageLimits.MAX_MESSAGE_BYTES);

    /** {@code maxPendingBytes}: producers also wait while that much is queued and unwritten. */
    public WriterQueue(OutputStream sink, int capacity, long maxPendingBytes, long stallMs, String name) {
        this.maxCredits = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxPendingBytes / 1024));
        this.credits = new Semaphore(maxCredits);
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
        int need = credits(message);
        try {
            if (!credits.tryAcquire(need, stallMs, TimeUnit.MILLISECONDS)) return false;
            if (queue.offer(message, stallMs, TimeUnit.MILLISECONDS)) return true;
            credits.release(need);
            return false;
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
                    credits.release(credits(m));
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

    private int credits(byte[] message) {
        return (int) Math.min(maxCredits, Math.max(1, (message.length + 1023L) / 1024));
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
