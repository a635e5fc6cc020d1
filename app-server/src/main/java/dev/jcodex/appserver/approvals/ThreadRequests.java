package dev.jcodex.appserver.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.events.EventRouter;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.protocol.ServerNotifications;
import dev.jcodex.protocol.notification.ServerRequestResolvedNotification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Server → client requests about a thread (approvals, MCP elicitations), asked of every client that follows
 * the thread, as Codex does. A request has one id, daemon-wide, the same on every connection it reaches.
 * The first reply wins (later ones are ignored); every client that got the request hears
 * {@code serverRequest/resolved} once, before the caller goes on. A client that resumes the thread while a
 * request waits gets it too. A client that leaves (disconnects, unsubscribes, answers with an error) only
 * drops out: the request gives up only when no client follows the thread any more, so a turn never waits
 * on nobody (Codex keeps waiting until someone resumes the thread).
 */
public final class ThreadRequests {
    private static final String RESOLVED = ServerNotifications.methodOf(ServerRequestResolvedNotification.class);

    private static final Executor CALLBACKS = r -> Thread.ofVirtual().name("jcodex-server-request-reply").start(r);

    private final EventRouter router;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Set<Ask<?>>> waiting = new ConcurrentHashMap<>();

    public ThreadRequests(EventRouter router) { this.router = router; }

    /**
     * Asks the thread's clients. The future completes with {@code answer} applied to the first reply,
     * {@code nobody} when no client follows the thread, or {@code noAnswer} when every client that could
     * answer left. Cancelling it withdraws the request ({@code serverRequest/resolved} goes out first).
     */
    public <T> CompletableFuture<T> ask(String threadId, String method, Object params,
                                        Function<JsonNode, T> answer, T nobody, T noAnswer) {
        long id = ids.getAndIncrement();
        Ask<T> a = new Ask<>(id, threadId, JsonRpcConnection.request(id, method, params), answer, noAnswer);
        // Registered before the subscribers are read, so a client subscribing meanwhile is either seen here
        // or finds the request in replayTo.
        waiting.compute(threadId, (k, s) -> {
            Set<Ask<?>> set = s != null ? s : ConcurrentHashMap.newKeySet();
            set.add(a);
            return set;
        });
        for (JsonRpcConnection c : followers(threadId)) a.offer(c);
        a.giveUpIfNobodyWasAsked(nobody);
        return a;
    }

    /** A client that just subscribed to the thread (thread/resume) gets the requests still waiting there. */
    public void replayTo(JsonRpcConnection conn, String threadId) {
        for (Ask<?> a : waiting.getOrDefault(threadId, Set.of())) a.offer(conn);
    }

    /** A client that unsubscribed from the thread is no longer asked; it hears its requests resolved. */
    public void left(JsonRpcConnection conn, String threadId) {
        for (Ask<?> a : waiting.getOrDefault(threadId, Set.of())) a.release(conn);
    }

    private List<JsonRpcConnection> followers(String threadId) {
        List<JsonRpcConnection> out = new ArrayList<>();
        for (JsonRpcConnection c : router.connections()) {
            if (!c.isClosed() && c.session().isSubscribed(threadId)) out.add(c);
        }
        return out;
    }

    private final class Ask<T> extends CompletableFuture<T> {
        private final long id;
        private final String threadId;
        private final byte[] message;
        private final Function<JsonNode, T> answer;
        private final T noAnswer;
        // guarded by this; settling happens under the lock, so whoever settles second (an interrupt racing
        // an answer) finds the clients already told
        private final Set<JsonRpcConnection> told = new LinkedHashSet<>();
        private final Set<JsonRpcConnection> live = new HashSet<>(); // told, and may still answer
        private boolean over;

        Ask(long id, String threadId, byte[] message, Function<JsonNode, T> answer, T noAnswer) {
            this.id = id;
            this.threadId = threadId;
            this.message = message;
            this.answer = answer;
            this.noAnswer = noAnswer;
        }

        /** Sends the request to {@code conn} unless it has it already or the request is over. */
        void offer(JsonRpcConnection conn) {
            CompletableFuture<JsonNode> reply;
            synchronized (this) {
                if (over || conn.isClosed() || !told.add(conn)) return;
                live.add(conn);
                reply = conn.sendRequest(id, message);
            }
            // On a thread of its own: a reply can complete while some connection's close runs inside another
            // request's lock (a slow client dropped while being told), and this one's lock must not nest there.
            reply.whenCompleteAsync((result, error) -> {
                if (error == null) answered(result);
                else dropOut(conn);
            }, CALLBACKS);
        }

        void giveUpIfNobodyWasAsked(T nobody) {
            synchronized (this) {
                if (!told.isEmpty() || !settle()) return;
            }
            complete(nobody);
        }

        private void answered(JsonNode result) {
            synchronized (this) {
                if (!settle()) return;
            }
            T value;
            try {
                value = answer.apply(result);
            } catch (RuntimeException e) {
                value = noAnswer;
            }
            complete(value);
        }

        /** The connection closed or answered with an error: it is out, the others may still answer. */
        private void dropOut(JsonRpcConnection conn) {
            synchronized (this) {
                if (over || !live.remove(conn)) return;
            }
            giveUpIfNobodyLeft();
        }

        void release(JsonRpcConnection conn) {
            synchronized (this) {
                if (over || !told.remove(conn)) return;
                live.remove(conn);
            }
            conn.forgetRequest(id);
            resolvedTo(conn);
            giveUpIfNobodyLeft();
        }

        private void giveUpIfNobodyLeft() {
            synchronized (this) {
                if (over || !live.isEmpty()) return;
            }
            // A follower that has not got it yet (it subscribed some other way than thread/resume) may answer.
            for (JsonRpcConnection c : followers(threadId)) offer(c);
            synchronized (this) {
                if (!live.isEmpty() || !settle()) return;
            }
            complete(noAnswer);
        }

        /** The engine stopped waiting (interrupt, turn end): clients hear resolved before it goes on. */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            synchronized (this) {
                settle();
            }
            return super.cancel(mayInterruptIfRunning);
        }

        /**
         * Ends the request once (false if it was over already): it stops waiting, and every client told gets
         * serverRequest/resolved, before the caller completes the future and so before the engine goes on.
         * Caller holds the lock.
         */
        private boolean settle() {
            if (over) return false;
            over = true;
            waiting.computeIfPresent(threadId, (k, s) -> {
                s.remove(this);
                return s.isEmpty() ? null : s;
            });
            for (JsonRpcConnection c : told) {
                c.forgetRequest(id); // a late answer from another client is ignored
                resolvedTo(c);
            }
            return true;
        }

        private void resolvedTo(JsonRpcConnection c) {
            c.sendNotification(RESOLVED, new ServerRequestResolvedNotification(threadId, id));
        }
    }
}
