package dev.jcodex.core.thread;

import dev.jcodex.core.event.Event;
import dev.jcodex.core.item.Item;
import dev.jcodex.core.model.Cancellation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a running turn offers to the code it drives (tool handlers): its ids and settings, cancellation,
 * and event emission that keeps track of open items, so the turn can close whatever is still open when
 * it ends on an error or an interrupt.
 */
public final class TurnContext {
    private final AgentThread thread;
    private final String turnId;
    private final ThreadSettings settings;
    private final Cancellation cancellation;
    private final Map<String, Item> openItems = new ConcurrentHashMap<>();
    private final Map<String, java.util.function.Supplier<Item>> partial = new ConcurrentHashMap<>();

    TurnContext(AgentThread thread, String turnId, ThreadSettings settings, Cancellation cancellation) {
        this.thread = thread;
        this.turnId = turnId;
        this.settings = settings;
        this.cancellation = cancellation;
    }

    public String threadId() { return thread.id(); }
    public String turnId() { return turnId; }
    public ThreadSettings settings() { return settings; }
    public Cancellation cancellation() { return cancellation; }
    public AgentThread thread() { return thread; }

    public void emit(Event e) { thread.emit(e); }

    public void itemStarted(Item item) {
        openItems.put(item.id(), item);
        thread.emit(new Event.ItemStarted(thread.id(), turnId, item));
    }

    /** Records the latest state of an open item without announcing it (used for partial text). */
    public void itemUpdated(Item item) {
        openItems.computeIfPresent(item.id(), (k, v) -> item);
    }

    /**
     * Registers how to build an open item's latest state should the turn have to close it early. The
     * supplier reads live buffers, so streaming text costs nothing per delta (copying the growing text at
     * every delta made a long reply quadratic).
     */
    public void itemPartial(String id, java.util.function.Supplier<Item> latest) {
        if (openItems.containsKey(id)) partial.putIfAbsent(id, latest);
    }

    public void itemCompleted(Item item) {
        partial.remove(item.id());
        openItems.remove(item.id());
        thread.recordItem(turnId, item);
        thread.emit(new Event.ItemCompleted(thread.id(), turnId, item));
    }

    /**
     * Completes {@code item} unless it was already completed (work running alongside the turn and the
     * turn's own end may race to close the same item; exactly one wins).
     */
    public boolean completeIfOpen(Item item) {
        if (openItems.remove(item.id()) == null) return false;
        partial.remove(item.id());
        thread.recordItem(turnId, item);
        thread.emit(new Event.ItemCompleted(thread.id(), turnId, item));
        return true;
    }

    Map<String, Item> openItems() {
        for (var e : partial.entrySet()) openItems.computeIfPresent(e.getKey(), (k, v) -> e.getValue().get());
        return openItems;
    }
}
