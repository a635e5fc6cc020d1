package dev.jcodex.core.model;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A cancel flag with callbacks, so a blocked read or a running process can be torn down at once. */
public final class Cancellation {
    private volatile boolean cancelled;
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

    public boolean isCancelled() { return cancelled; }

    public void cancel() {
        if (cancelled) return;
        cancelled = true;
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
}
