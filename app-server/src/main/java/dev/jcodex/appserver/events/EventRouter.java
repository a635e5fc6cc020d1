package dev.jcodex.appserver.events;

import dev.jcodex.appserver.rpc.ClientSession;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.core.event.Event;
import dev.jcodex.core.event.EventSink;
import dev.jcodex.protocol.ServerNotifications;
import dev.jcodex.protocol.notification.ServerNotification;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Delivers engine events to the connections subscribed to their thread. Each event is translated and
 * serialized once, whatever the number of subscribers.
 */
public final class EventRouter implements EventSink {
    private final Set<JsonRpcConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile Function<Event, ServerNotification> translator = e -> null;
    private volatile ClientSession.SubscriptionListener subscriptions = ClientSession.SubscriptionListener.NONE;

    public void setTranslator(EventTranslator t) { this.translator = t::translate; }

    /** Installs who hears every connection's subscriptions come and go, disconnects included. */
    public void setSubscriptionListener(ClientSession.SubscriptionListener l) { this.subscriptions = l; }

    public void register(JsonRpcConnection c) {
        c.session().setSubscriptionListener(subscriptions);
        connections.add(c);
        c.onClose(() -> {
            connections.remove(c);
            // A client that went away follows nothing any more: for each of its threads it may have been the last.
            for (String threadId : c.session().subscriptions()) subscriptions.unsubscribed(threadId);
        });
    }

    /** True when some open connection follows {@code threadId}. */
    public boolean hasSubscriber(String threadId) {
        for (JsonRpcConnection c : connections) if (c.session().isSubscribed(threadId)) return true;
        return false;
    }

    public Set<JsonRpcConnection> connections() { return Set.copyOf(connections); }

    /** Sends a notification that has no engine event (serverRequest/resolved) to the thread's subscribers. */
    public void notifyThread(String threadId, ServerNotification n) {
        String method = ServerNotifications.methodOf(n.getClass());
        byte[] bytes = null;
        for (JsonRpcConnection c : connections) {
            if (!c.session().isSubscribed(threadId) || !c.session().wants(method)) continue;
            if (bytes == null) bytes = JsonRpcConnection.notification(method, n);
            c.sendRaw(bytes);
        }
    }

    /** Sends a notification about the daemon, not a thread (account/updated), to every initialized client. */
    public void notifyAll(ServerNotification n) {
        String method = ServerNotifications.methodOf(n.getClass());
        byte[] bytes = null;
        for (JsonRpcConnection c : connections) {
            if (!c.session().initialized() || !c.session().wants(method)) continue;
            if (bytes == null) bytes = JsonRpcConnection.notification(method, n);
            c.sendRaw(bytes);
        }
    }

    @Override
    public void emit(Event event) {
        ServerNotification n = translator.apply(event);
        if (n == null) return;
        String method = ServerNotifications.methodOf(n.getClass());
        byte[] bytes = null;
        for (JsonRpcConnection c : connections) {
            if (event.broadcast() ? !c.session().initialized() : !c.session().isSubscribed(event.threadId())) continue;
            if (!c.session().wants(method)) continue;
            if (bytes == null) bytes = JsonRpcConnection.notification(method, n);
            c.sendRaw(bytes);
        }
    }
}
