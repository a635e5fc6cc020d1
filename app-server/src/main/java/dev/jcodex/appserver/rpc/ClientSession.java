package dev.jcodex.appserver.rpc;

import dev.jcodex.protocol.v2.ClientInfo;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Per-connection state: handshake, declared capabilities, and the threads this client follows. */
public final class ClientSession {
    private volatile boolean initialized;
    private volatile ClientInfo clientInfo;
    private volatile boolean experimentalApi;
    private volatile Set<String> optOutNotifications = Set.of();
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    private volatile String threadSource = "vscode";
    private volatile SubscriptionListener listener = SubscriptionListener.NONE;

    /** Hears this client start and stop following threads (the idle unloader keeps a clock per thread). */
    public interface SubscriptionListener {
        SubscriptionListener NONE = new SubscriptionListener() {
            @Override public void subscribed(String threadId) {}
            @Override public void unsubscribed(String threadId) {}
        };

        void subscribed(String threadId);

        void unsubscribed(String threadId);
    }

    public void setSubscriptionListener(SubscriptionListener l) { this.listener = l; }

    public boolean initialized() { return initialized; }
    public ClientInfo clientInfo() { return clientInfo; }
    public boolean experimentalApi() { return experimentalApi; }
    public Set<String> subscriptions() { return subscriptions; }

    /** Returns false if the session was already initialized. */
    public synchronized boolean initialize(ClientInfo info, boolean experimental, Set<String> optOuts) {
        if (initialized) return false;
        this.clientInfo = info;
        this.experimentalApi = experimental;
        this.optOutNotifications = Set.copyOf(optOuts);
        this.initialized = true;
        return true;
    }

    public boolean wants(String notificationMethod) { return !optOutNotifications.contains(notificationMethod); }

    /** Added before the listener hears it, so whoever it asks "is anyone subscribed?" already sees this one. */
    public void subscribe(String threadId) {
        subscriptions.add(threadId);
        listener.subscribed(threadId);
    }

    public boolean unsubscribe(String threadId) {
        boolean was = subscriptions.remove(threadId);
        if (was) listener.unsubscribed(threadId);
        return was;
    }

    public boolean isSubscribed(String threadId) { return subscriptions.contains(threadId); }

    /** The `source` of threads this client starts: "vscode" for app-server clients, "exec" for `jcodex exec`. */
    public String threadSource() { return threadSource; }

    public void setThreadSource(String source) { this.threadSource = source; }

    /** The originator sent to model providers: the client's name, as Codex does. */
    public String originator() { return clientInfo == null ? "jcodex" : clientInfo.name(); }
}
