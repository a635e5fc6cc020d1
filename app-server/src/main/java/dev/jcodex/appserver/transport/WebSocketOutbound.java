package dev.jcodex.appserver.transport;

import dev.jcodex.appserver.rpc.Outbound;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One text frame per message onto a socket channel, never blocking the producer. Two bounds protect the
 * daemon from a client that stops reading: the bytes queued but not yet written to the socket, and how long
 * the channel may stay unwritable while we still have something to send. Past either, {@link #send} says
 * no and the connection is dropped — that client only.
 */
final class WebSocketOutbound implements Outbound {
    static final long DEFAULT_MAX_PENDING_BYTES = longEnv("JCODEX_WS_MAX_PENDING_BYTES", 32L * 1024 * 1024);
    static final long DEFAULT_STALL_MS = longEnv("JCODEX_WS_STALL_MS", 30_000);

    private final Channel channel;
    private final long maxPendingBytes;
    private final long stallNanos;
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private volatile long unwritableSinceNanos;

    WebSocketOutbound(Channel channel, long maxPendingBytes, long stallMs) {
        this.channel = channel;
        this.maxPendingBytes = maxPendingBytes;
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMs);
    }

    @Override
    public boolean send(byte[] message) {
        if (!channel.isActive()) return false;
        int len = message.length;
        if (pendingBytes.addAndGet(len) > maxPendingBytes) {
            pendingBytes.addAndGet(-len);
            return false;
        }
        long since = unwritableSinceNanos;
        if (since != 0 && System.nanoTime() - since > stallNanos) {
            pendingBytes.addAndGet(-len);
            return false;
        }
        queue.add(message);
        // One drain task per burst. The flag is cleared before the queue is read, so a message added while a
        // drain runs is either seen by it or schedules the next one: none can sit written but unflushed.
        if (drainScheduled.compareAndSet(false, true)) channel.eventLoop().execute(this::drain);
        return true;
    }

    private void drain() {
        drainScheduled.set(false);
        byte[] m;
        while ((m = queue.poll()) != null) {
            int len = m.length;
            ChannelPromise p = channel.newPromise();
            p.addListener(f -> pendingBytes.addAndGet(-len));
            channel.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(m)), p);
        }
        channel.flush();
    }

    /** Called by the channel handler when the socket's send buffer fills or drains. */
    void writabilityChanged(boolean writable) {
        unwritableSinceNanos = writable ? 0 : Math.max(1, System.nanoTime());
    }

    long pendingBytes() { return pendingBytes.get(); }

    @Override
    public void close() {
        if (channel.isActive()) channel.eventLoop().execute(() -> channel.flush().close());
    }

    private static long longEnv(String name, long dflt) {
        String v = System.getenv(name);
        try {
            return v == null ? dflt : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
