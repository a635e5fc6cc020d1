package dev.jcodex.appserver.rpc;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * A connection's bounded ingress: requests wait here between the transport's reader and the handlers. A
 * permit is held from the moment a request is queued until its reply is written (so long-running async
 * handlers count too); when none is left the request is refused with -32001 instead of queueing without
 * bound. Requests run one at a time in arrival order on the connection's processor thread, so the reader
 * (a Netty event loop, or the stdin reader) never runs a handler itself.
 */
final class Ingress {
    /** Default in-flight limit per connection; {@code JCODEX_INGRESS_CAPACITY} overrides it (tests use a small one). */
    static final int DEFAULT_CAPACITY = capacityFromEnv();

    private final Semaphore permits;
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final Thread processor;
    private volatile boolean closed;

    private final int capacity;

    Ingress(int capacity, String name) {
        this.capacity = capacity;
        this.permits = new Semaphore(capacity);
        this.processor = Thread.ofVirtual().name(name).start(this::process);
    }

    /** Takes a permit for one request; false means the client must be told to retry later. */
    boolean tryAcquire() { return !closed && permits.tryAcquire(); }

    /** Gives back the permit of a request whose reply has been written. */
    void release() { permits.release(); }

    void submit(Runnable request) { queue.add(request); }

    private void process() {
        try {
            while (!closed) {
                Runnable r = queue.take();
                try {
                    r.run();
                } catch (Throwable e) {
                    // an Error escaping one request must not stop the processor: later requests would never run
                    e.printStackTrace(System.err);
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /**
     * Waits (bounded) until every request queued so far has run and every reply owed has been written, so a
     * client that writes its requests and closes the pipe still gets all its answers.
     */
    void drain(long timeoutMs) {
        if (closed) return;
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);
        queue.add(reached::countDown);
        try {
            if (!reached.await(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS)) return;
            long left = Math.max(0, deadline - System.nanoTime());
            if (permits.tryAcquire(capacity, left, java.util.concurrent.TimeUnit.NANOSECONDS)) permits.release(capacity);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void close() {
        closed = true;
        queue.clear();
        processor.interrupt();
    }

    private static int capacityFromEnv() {
        String v = System.getenv("JCODEX_INGRESS_CAPACITY");
        try {
            return v == null ? 512 : Math.max(1, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return 512;
        }
    }
}
