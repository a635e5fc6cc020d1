package dev.jcodex.core.mcp;

import dev.jcodex.core.approval.ApprovalGate;
import dev.jcodex.core.event.EventSink;
import dev.jcodex.core.thread.AgentThread;
import dev.jcodex.core.thread.TurnRunner;
import dev.jcodex.core.tools.ToolRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MCP for the whole daemon: one {@link McpConnectionManager} per thread (servers start per thread, as in
 * Codex), created the first time the thread needs its tools or its status. Nothing here is loaded unless a
 * config names an MCP server. Every server process is ended when the daemon exits.
 */
public final class McpTools implements AutoCloseable {
    private final EventSink sink;
    private final McpElicitations elicitations;
    private final ApprovalGate gate;
    private final Map<String, McpConnectionManager> byThread = new ConcurrentHashMap<>();

    /** {@code gate}: where approvals of non-read-only tool calls go (see {@link McpToolHandler}). */
    public McpTools(EventSink sink, McpElicitations elicitations, ApprovalGate gate) {
        this.gate = gate;
        this.sink = sink;
        this.elicitations = elicitations;
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "mcp-shutdown"));
    }

    /** The thread's servers, started now if this is the first ask. */
    public McpConnectionManager managerFor(AgentThread t) {
        return byThread.computeIfAbsent(t.id(), id -> {
            McpConnectionManager m = new McpConnectionManager(id, McpServerConfig.fromConfig(t.config()), sink,
                    elicitations, () -> {
                        TurnRunner r = t.activeTurn();
                        return r == null ? null : r.turnId();
                    }, gate);
            m.start();
            return m;
        });
    }

    /** Adds the thread's MCP tools to a turn's registry; they are resolved on the turn's own thread. */
    public void addTo(ToolRegistry registry, AgentThread t) {
        if (!McpServerConfig.anyConfigured(t.config())) return;
        McpConnectionManager m = managerFor(t);
        registry.registerDeferred(m::toolHandlers);
    }

    /** Stops a thread's servers (thread unloaded). */
    public void release(String threadId) {
        McpConnectionManager m = byThread.remove(threadId);
        if (m != null) m.close();
    }

    @Override
    public void close() {
        for (String id : List.copyOf(byThread.keySet())) release(id);
    }
}
