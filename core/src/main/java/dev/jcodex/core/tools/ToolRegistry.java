package dev.jcodex.core.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.thread.TurnContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The tools offered to the model, and the router that sends each call to its handler. */
public final class ToolRegistry {
    private final Map<String, ToolHandler> handlers = new LinkedHashMap<>();
    private final List<Supplier<? extends Collection<? extends ToolHandler>>> deferred = new ArrayList<>();

    public ToolRegistry register(ToolHandler h) {
        handlers.put(h.name(), h);
        return this;
    }

    /**
     * Adds tools that are only known later (MCP servers still starting); they are resolved on the turn's
     * thread the first time the registry is used, so preparing a turn never waits for them.
     */
    public synchronized ToolRegistry registerDeferred(Supplier<? extends Collection<? extends ToolHandler>> source) {
        deferred.add(source);
        return this;
    }

    private synchronized void resolveDeferred() {
        if (deferred.isEmpty()) return;
        for (var source : deferred) for (ToolHandler h : source.get()) handlers.putIfAbsent(h.name(), h);
        deferred.clear();
    }

    /** A registry with just the named built-in tools of this one (a restricted turn, such as a review). */
    public synchronized ToolRegistry only(String... names) {
        ToolRegistry r = new ToolRegistry();
        for (String n : names) if (handlers.containsKey(n)) r.register(handlers.get(n));
        return r;
    }

    private volatile boolean searchNamespaced;

    /** Namespaced tools (MCP) are not offered upfront: the model finds them with tool_search. */
    public ToolRegistry deferNamespacedTools() {
        searchNamespaced = true;
        return this;
    }

    public List<ObjectNode> specs() {
        resolveDeferred();
        List<ObjectNode> out = new ArrayList<>();
        for (ToolHandler h : handlers.values()) if (!searchNamespaced || h.namespace() == null) out.add(h.spec());
        return out;
    }

    /** The tools that carry a namespace (MCP tools), for tool_search. */
    public synchronized List<ToolHandler> namespaced() {
        resolveDeferred();
        List<ToolHandler> out = new ArrayList<>();
        for (ToolHandler h : handlers.values()) if (h.namespace() != null) out.add(h);
        return out;
    }

    public void roundEnded(TurnContext ctx) {
        for (ToolHandler h : handlers.values()) h.roundEnded(ctx);
    }

    public ToolOutput dispatch(ToolCall call, TurnContext ctx) throws InterruptedException {
        resolveDeferred();
        ToolHandler h = handlers.get(call.name());
        if (h == null) return new ToolOutput("unsupported call: " + call.name(), false);
        return h.handle(call, ctx);
    }
}
