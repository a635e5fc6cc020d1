package dev.jcodex.core.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.core.event.Event;
import dev.jcodex.core.event.EventSink;
import dev.jcodex.core.tools.ToolHandler;
import dev.jcodex.core.approval.ApprovalGate;
import dev.jcodex.core.approval.SessionApprovals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The MCP servers of one thread. All enabled servers start at once, each on its own virtual thread, and
 * report {@code starting} then {@code ready} or {@code failed}; a turn waits for startup (each server
 * bounded by its startup_timeout_sec) before it offers tools, so a slow server delays only the first
 * request and a broken one only loses its own tools.
 */
public final class McpConnectionManager implements AutoCloseable {
    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(10);

    private final String threadId;
    private final EventSink sink;
    private final McpElicitations elicitations;
    private final Supplier<String> activeTurnId;
    private final ApprovalGate gate;
    private final SessionApprovals approvals = new SessionApprovals();
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private volatile boolean closed;

    private static final class Slot {
        final McpServerConfig config;
        final CompletableFuture<Void> started = new CompletableFuture<>();
        volatile McpClient client;
        volatile String state = "starting";
        volatile String error;
        volatile List<JsonNode> tools = List.of();

        Slot(McpServerConfig config) { this.config = config; }
    }

    public McpConnectionManager(String threadId, List<McpServerConfig> servers, EventSink sink,
                                McpElicitations elicitations, Supplier<String> activeTurnId) {
        this(threadId, servers, sink, elicitations, activeTurnId, ApprovalGate.NOBODY);
    }

    /** {@code gate} is asked before a call to a tool that is not read-only, as the thread's policy says. */
    public McpConnectionManager(String threadId, List<McpServerConfig> servers, EventSink sink,
                                McpElicitations elicitations, Supplier<String> activeTurnId, ApprovalGate gate) {
        this.gate = gate;
        this.threadId = threadId;
        this.sink = sink;
        this.elicitations = elicitations;
        this.activeTurnId = activeTurnId;
        for (McpServerConfig c : servers) slots.put(c.name(), new Slot(c));
    }

    /** Starts every enabled server in the background. */
    public void start() {
        for (Slot s : slots.values()) {
            if (!s.config.enabled()) {
                s.state = "disabled";
                s.started.complete(null);
                continue;
            }
            sink.emit(new Event.McpServerStartupStatus(threadId, s.config.name(), "starting", null));
            Thread.ofVirtual().name("mcp-start-" + s.config.name()).start(() -> startOne(s));
        }
    }

    private void startOne(Slot s) {
        McpServerConfig c = s.config;
        try {
            if (c.problem() != null) throw new IllegalArgumentException(c.problem());
            long deadline = System.nanoTime() + c.startupTimeout().toNanos();
            McpClient client = new McpClient(c, (server, params) -> elicit(server, params));
            s.client = client;
            client.start();
            Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000));
            List<JsonNode> tools = new ArrayList<>();
            for (JsonNode t : client.listTools(left)) if (c.allows(t.path("name").asText())) tools.add(t);
            s.tools = List.copyOf(tools);
            if (closed) throw new IllegalStateException("cancelled");
            s.state = "ready";
            sink.emit(new Event.McpServerStartupStatus(threadId, c.name(), "ready", null));
        } catch (Exception e) {
            McpClient client = s.client;
            if (client != null) client.close();
            s.state = closed ? "cancelled" : "failed";
            s.error = "MCP server `" + c.name() + "` failed to start: " + message(e);
            sink.emit(new Event.McpServerStartupStatus(threadId, c.name(), s.state, closed ? null : s.error));
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
        } finally {
            s.started.complete(null);
        }
    }

    private JsonNode elicit(String server, JsonNode params) throws Exception {
        try {
            return elicitations.request(threadId, activeTurnId.get(), server, params).get();
        } catch (ExecutionException e) {
            // nobody could answer (the client went away): the server is told the user cancelled
            return dev.jcodex.core.util.Json.object().put("action", "cancel");
        }
    }

    /** Waits for startup of every server (each bounded by its own timeout). */
    public void awaitStartup() throws InterruptedException {
        for (Slot s : slots.values()) {
            try {
                s.started.get(s.config.startupTimeout().toMillis() + 2_000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException ignored) {
                // startOne always completes; a stuck spawn is reported by its own timeout path
            }
        }
    }

    /** The tool handlers of every server that is ready, in config order; duplicates after sanitising are dropped. */
    public List<ToolHandler> toolHandlers() {
        try {
            awaitStartup();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        List<ToolHandler> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Slot s : slots.values()) {
            if (!"ready".equals(s.state)) continue;
            for (JsonNode t : s.tools) {
                String tool = t.path("name").asText();
                String qualified = McpToolNames.qualify(s.config.name(), tool);
                if (!names.add(qualified)) {
                    System.err.println("jcodex: skipping MCP tool " + s.config.name() + "/" + tool
                            + ": its name collides with another tool as " + qualified);
                    continue;
                }
                out.add(new McpToolHandler(qualified, s.config.name(), tool, t, this));
            }
        }
        return out;
    }

    /** The live client of a server, or an explanation of why there is none. */
    McpClient client(String server) throws McpError {
        Slot s = slots.get(server);
        if (s == null) throw new McpError(McpError.INVALID_PARAMS, "unknown MCP server `" + server + "`");
        McpClient c = s.client;
        if (!"ready".equals(s.state) || c == null) {
            throw new McpError(McpError.CONNECTION_CLOSED, "MCP server `" + server + "` is not running ("
                    + s.state + (s.error == null ? "" : ": " + s.error) + ")");
        }
        if (!c.isAlive()) throw new McpError(McpError.CONNECTION_CLOSED, "MCP server `" + server + "` has exited");
        return c;
    }

    McpServerConfig config(String server) { return slots.get(server).config; }

    String threadId() { return threadId; }

    /** Status of every configured server; with {@code full}, also its resources and templates. */
    public List<McpServerStatus> statuses(boolean full) throws InterruptedException {
        awaitStartup();
        List<McpServerStatus> out = new ArrayList<>();
        for (Slot s : slots.values()) {
            McpClient c = s.client;
            boolean live = "ready".equals(s.state) && c != null && c.isAlive();
            List<JsonNode> resources = List.of();
            List<JsonNode> templates = List.of();
            if (live && full) {
                try {
                    resources = c.listResources(LIST_TIMEOUT);
                    templates = c.listResourceTemplates(LIST_TIMEOUT);
                } catch (McpError e) {
                    System.err.println("jcodex: MCP server " + s.config.name() + ": resource listing failed: " + e.getMessage());
                }
            }
            String state = "ready".equals(s.state) && c != null && !c.isAlive() ? "failed" : s.state;
            out.add(new McpServerStatus(s.config.name(), state, s.error, s.tools, resources, templates,
                    authStatus(s.config), c == null ? null : c.serverInfo(), c == null ? null : c.capabilities()));
        }
        return out;
    }

    private static String authStatus(McpServerConfig c) {
        if (c.transport() instanceof McpServerConfig.Http h && h.bearerTokenEnvVar() != null) return "bearerToken";
        return "unsupported";
    }

    ApprovalGate gate() { return gate; }

    /** What the user approved for the session on this thread's MCP tools. */
    SessionApprovals approvals() { return approvals; }

    @Override
    public void close() {
        closed = true;
        for (Slot s : slots.values()) {
            McpClient c = s.client;
            if (c != null) c.close();
        }
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
