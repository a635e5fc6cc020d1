package dev.jcodex.core.model;

import java.io.Closeable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Closes a stream that has been silent for longer than its idle timeout (stream_idle_timeout_ms). */
final class IdleWatchdog {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jcodex-idle-watchdog");
        t.setDaemon(true);
        return t;
    });

    private IdleWatchdog() {}

    record Handle(ScheduledFuture<?> future, AtomicBoolean firedFlag) {
        boolean fired() { return firedFlag.get(); }
        void cancel() { if (future != null) future.cancel(false); }
    }

    static Handle watch(AtomicLong lastActivityNanos, long timeoutMs, Closeable stream) {
        AtomicBoolean fired = new AtomicBoolean();
        if (timeoutMs <= 0) return new Handle(null, fired);
        long period = Math.max(50, Math.min(1000, timeoutMs / 4));
        ScheduledFuture<?> f = TIMER.scheduleAtFixedRate(() -> {
            long idleMs = (System.nanoTime() - lastActivityNanos.get()) / 1_000_000;
            if (idleMs >= timeoutMs && fired.compareAndSet(false, true)) {
                try { stream.close(); } catch (Exception ignored) { }
            }
        }, period, period, TimeUnit.MILLISECONDS);
        return new Handle(f, fired);
    }
}
