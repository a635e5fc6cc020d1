package dev.jcodex.appserver.events;

import dev.jcodex.appserver.rpc.ClientSession;
import dev.jcodex.core.thread.AgentThread;
import dev.jcodex.core.thread.ThreadManager;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Unloads threads nobody follows, as Codex does: once a loaded thread has no subscriber (its last one
 * unsubscribed or disconnected) and runs no turn, a clock of {@code thread_unload_delay_secs} starts (default
 * 30 minutes; a running turn starts it when it ends). A new subscription (resume, turn/start) stops it. When it
 * runs out the thread is unloaded: its MCP servers and leftover commands stop, and every connection hears
 * {@code thread/status/changed} notLoaded and {@code thread/closed}. The rollout keeps everything, so the
 * thread can be resumed later.
 *
 * <p>Clocks start, stop and expire under this object's lock, and a subscription is visible before it stops
 * a clock ({@link ClientSession#subscribe}), so a resume racing an expiry either keeps the thread or finds it
 * unloaded and loads it again; it never gets a thread that is being unloaded.
 */
public final class IdleUnloader implements ClientSession.SubscriptionListener {
    static final long DEFAULT_DELAY_SECS = 30 * 60;

    private final ThreadManager threads;
    private final EventRouter router;
    private final Map<String, ScheduledFuture<?>> clocks = new HashMap<>();
    private ScheduledThreadPoolExecutor timer;

    public IdleUnloader(ThreadManager threads, EventRouter router) {
        this.threads = threads;
        this.router = router;
    }

    @Override
    public synchronized void subscribed(String threadId) {
        ScheduledFuture<?> clock = clocks.remove(threadId);
        if (clock != null) clock.cancel(false);
    }

    @Override
    public void unsubscribed(String threadId) { startClock(threadId); }

    /** A turn ended: if nobody follows the thread, its idle time starts now. */
    public void turnEnded(String threadId) { startClock(threadId); }

    private synchronized void startClock(String threadId) {
        AgentThread t = threads.get(threadId);
        if (t == null || t.activeTurn() != null || clocks.containsKey(threadId) || router.hasSubscriber(threadId)) return;
        long delay = t.config().number("thread_unload_delay_secs", DEFAULT_DELAY_SECS);
        clocks.put(threadId, timer().schedule(() -> expire(threadId, t), Math.max(0, delay), TimeUnit.SECONDS));
    }

    private synchronized void expire(String threadId, AgentThread t) {
        clocks.remove(threadId);
        // Still the same object, still unfollowed; a turn that started meanwhile restarts the clock when it ends.
        if (threads.get(threadId) != t || router.hasSubscriber(threadId)) return;
        try {
            threads.unloadIdle(threadId);
        } catch (RuntimeException e) { // the executor would swallow it
            System.err.println("jcodex: unloading idle thread " + threadId + " failed: " + e);
        }
    }

    private ScheduledThreadPoolExecutor timer() {
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, r -> Thread.ofPlatform().daemon().name("jcodex-idle-unload").unstarted(r));
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }
}
