package dev.jcodex.core.model;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A cancel flag with callbacks, so a blocked read or a running process can be torn down at once. */
public final class Cancellation {
    private volatile boolean cancelled;
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();

    public boolean isCancelled() { return cancelled; }

    public void cancel() {
        if (cancelled) return;
        cancelled = true;
        lock.lock();
        try {
            woken.signalAll();
        } finally {
            lock.unlock();
        }
        for (Runnable r : callbacks) {
            try { r.run(); } catch (RuntimeException ignored) { /* best effort teardown */ }
        }
    }

    /** Registers {@code r}; runs it now if already cancelled. Returns a handle that unregisters it. */
    public AutoCloseable onCancel(Runnable r) {
        callbacks.add(r);
        if (cancelled) r.run();
        return () -> callbacks.remove(r);
    }

    /**
     * Waits {@code ms} (a retry backoff), returning early the moment this is cancelled: an interrupt must not
     * wait out a server-suggested 20 s delay. Returns true when the whole delay passed, false when cancelled.
     */
    public boolean sleep(long ms) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, ms));
        lock.lock();
        try {
            while (!cancelled) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return true;
                woken.awaitNanos(left);
            }
            return false;
        } finally {
            lock.unlock();
        }
    }
}
