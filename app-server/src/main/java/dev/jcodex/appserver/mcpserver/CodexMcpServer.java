package dev.jcodex.appserver.mcpserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.config.ConfigLoader;
import dev.jcodex.core.event.Event;
import dev.jcodex.core.event.TurnInfo;
import dev.jcodex.core.event.TurnStatus;
import dev.jcodex.core.item.InputPart;
import dev.jcodex.core.item.Item;
import dev.jcodex.core.mcp.McpClient;
import dev.jcodex.core.mcp.McpError;
import dev.jcodex.core.mcp.McpPeer;
import dev.jcodex.core.mcp.McpServerConfig;
import dev.jcodex.core.mcp.McpTools;
import dev.jcodex.core.thread.AgentThread;
import dev.jcodex.core.thread.PendingTurn;
import dev.jcodex.core.thread.StartOptions;
import dev.jcodex.core.thread.ThreadManager;
import dev.jcodex.core.thread.TurnOverrides;
import dev.jcodex.core.tools.CoreTools;
import dev.jcodex.core.tools.ToolRegistry;
import dev.jcodex.core.util.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code jcodex mcp-server}: the engine offered as an MCP server over stdio, with the tools {@code codex}
 * (new thread, one turn) and {@code codex-reply} (next turn on a thread). It drives the same in-process
 * {@link ThreadManager} as the app-server; only the framing differs. Each call answers with the agent's
 * final message as text plus {@code structuredContent {threadId, content}}. Elicitations of the thread's
 * own MCP servers, and the turn's approval questions, are passed up to this server's client as
 * {@code elicitation/create}.
 */
public final class CodexMcpServer {
    private final ThreadManager threads;
    private final McpPeer peer;
    private final OutputStream out;
    private final Map<String, TurnWatch> watches = new ConcurrentHashMap<>();
    private volatile boolean clientElicits;
    private McpTools mcp;
    private final ElicitationApprovals approvals;
    private final CoreTools tools;

    /** The turn a tool call waits for: the last agent message and the end of the turn. */
    private static final class TurnWatch {
        volatile String lastMessage = "";
        final CompletableFuture<TurnInfo> done = new CompletableFuture<>();
    }

    public CodexMcpServer(ConfigLoader configLoader, OutputStream out) {
        this.out = out;
        this.peer = new McpPeer(this::write);
        this.threads = new ThreadManager(configLoader, this::onEvent,
                Map.of("user-agent", "jcodex-mcp-server/" + dev.jcodex.appserver.handlers.InitializeHandler.JCODEX_VERSION));
        // The inner turns get the same agent tools as the app-server's; their approvals become elicitations.
        this.approvals = new ElicitationApprovals(peer, () -> clientElicits);
        this.tools = new CoreTools(approvals);
        threads.setToolsFactory(t -> {
            ToolRegistry r = tools.registryFor(t);
            if (McpServerConfig.anyConfigured(t.config())) mcp().addTo(r, t);
            return r;
        });
        peer.onRequest(this::handle);
        peer.onNotification((m, p) -> { });
    }

    private synchronized McpTools mcp() {
        if (mcp == null) {
            mcp = new McpTools(e -> { }, (threadId, turnId, server, params) -> {
                if (!clientElicits) return dev.jcodex.core.mcp.McpElicitations.DECLINE.request(threadId, turnId, server, params);
                return peer.request("elicitation/create", params);
            }, approvals);
        }
        return mcp;
    }

    /** Serves until stdin ends. */
    public void serve(InputStream in) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode msg;
                try {
                    msg = Json.MAPPER.readTree(line);
                } catch (IOException e) {
                    ObjectNode err = Json.object().put("jsonrpc", "2.0").putNull("id");
                    err.set("error", new McpError(McpError.PARSE_ERROR, "Parse error").toJson());
                    write(err);
                    continue;
                }
                peer.receive(msg);
            }
        } finally {
            peer.closed("stdin closed");
            for (AgentThread t : threads.loaded()) t.interrupt(null);
            if (mcp != null) mcp.close();
            tools.shutdown();
        }
    }

    private synchronized void write(ObjectNode msg) {
        try {
            out.write(Json.MAPPER.writeValueAsBytes(msg));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode handle(String method, JsonNode params) throws Exception {
        return switch (method) {
            case "initialize" -> initialize(params);
            case "ping" -> Json.object();
            case "tools/list" -> {
                ObjectNode r = Json.object();
                r.set("tools", CodexToolSchemas.tools());
                yield r;
            }
            case "tools/call" -> call(params);
            default -> throw new McpError(McpError.METHOD_NOT_FOUND, "Method not found: " + method);
        };
    }

    private JsonNode initialize(JsonNode params) {
        clientElicits = params != null && params.path("capabilities").has("elicitation");
        String asked = params == null ? null : params.path("protocolVersion").asText(null);
        ObjectNode r = Json.object().put("protocolVersion", asked != null && SUPPORTED.contains(asked) ? asked : McpClient.PROTOCOL_VERSION);
        r.putObject("capabilities").putObject("tools").put("listChanged", false);
        r.putObject("serverInfo").put("name", "jcodex-mcp-server").put("title", "jcodex")
                .put("version", dev.jcodex.appserver.handlers.InitializeHandler.JCODEX_VERSION);
        return r;
    }

    private static final List<String> SUPPORTED = List.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");

    private JsonNode call(JsonNode params) throws Exception {
        if (params == null || !params.path("name").isTextual()) throw new McpError(McpError.INVALID_PARAMS, "missing tool `name`");
        String name = params.get("name").asText();
        JsonNode args = params.path("arguments");
        return switch (name) {
            case "codex" -> codex(args);
            case "codex-reply" -> reply(args);
            default -> throw new McpError(McpError.INVALID_PARAMS, "Unknown tool: " + name);
        };
    }

    private JsonNode codex(JsonNode a) throws InterruptedException {
        String prompt = text(a, "prompt");
        if (prompt == null) return toolError("`prompt` is required");
        Map<String, Object> overrides = new LinkedHashMap<>();
        String profile = text(a, "profile");
        if (profile != null) {
            Object table = threads.configLoader().load(Map.of()).get("profiles." + (profile.contains(".") ? "\"" + profile + "\"" : profile));
            if (!(table instanceof Map<?, ?> m)) return toolError("profile `" + profile + "` is not defined in config.toml");
            m.forEach((k, v) -> overrides.put(k.toString(), v));
        }
        if (a.path("config").isObject()) {
            a.get("config").fields().forEachRemaining(e -> overrides.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class)));
        }
        String cwd = text(a, "cwd");
        if (cwd != null && !Path.of(cwd).isAbsolute()) cwd = dev.jcodex.core.config.WorkingDirectory.current().resolve(cwd).normalize().toString();
        AgentThread t;
        try {
            t = threads.start(new StartOptions(text(a, "model"), null, cwd, text(a, "approval-policy"), text(a, "sandbox"),
                    overrides, text(a, "base-instructions"), text(a, "developer-instructions"), true, "codex_mcp_server", "mcp", null));
        } catch (IllegalArgumentException e) {
            return toolError(e.getMessage());
        }
        return runTurn(t, prompt);
    }

    private JsonNode reply(JsonNode a) throws InterruptedException {
        String prompt = text(a, "prompt");
        String threadId = text(a, "threadId");
        if (threadId == null) threadId = text(a, "conversationId");
        if (threadId == null) threadId = text(a, "sessionId");
        if (prompt == null) return toolError("`prompt` is required");
        if (threadId == null) return toolError("`threadId` is required");
        AgentThread t = threads.get(threadId);
        if (t == null) return toolError("unknown thread " + threadId + " (threads live as long as this server process)");
        return runTurn(t, prompt);
    }

    private JsonNode runTurn(AgentThread t, String prompt) throws InterruptedException {
        TurnWatch w = new TurnWatch();
        PendingTurn pending;
        try {
            pending = t.prepareTurn(List.of(new InputPart.Text(prompt)), TurnOverrides.NONE);
        } catch (IllegalStateException e) {
            return toolError(e.getMessage());
        }
        watches.put(t.id(), w);
        TurnInfo done;
        try {
            pending.launch();
            done = w.done.get();
        } catch (InterruptedException e) {
            t.interrupt(null);
            throw e;
        } catch (java.util.concurrent.ExecutionException e) {
            return toolError(String.valueOf(e.getCause()));
        } finally {
            watches.remove(t.id(), w);
        }
        String text = w.lastMessage;
        ObjectNode r = Json.object();
        boolean failed = done.status() != TurnStatus.COMPLETED;
        if (failed && text.isEmpty()) {
            text = done.error() != null ? done.error().message() : "turn " + done.status().toString().toLowerCase();
        }
        r.putArray("content").addObject().put("type", "text").put("text", text);
        r.putObject("structuredContent").put("threadId", t.id()).put("content", text);
        if (failed) r.put("isError", true);
        return r;
    }

    private void onEvent(Event e) {
        TurnWatch w = watches.get(e.threadId());
        if (w == null) return;
        switch (e) {
            case Event.ItemCompleted c when c.item() instanceof Item.AgentMessage m -> w.lastMessage = m.text();
            case Event.TurnCompleted c -> w.done.complete(c.turn());
            default -> { }
        }
    }

    private static ObjectNode toolError(String message) {
        ObjectNode r = Json.object();
        r.putArray("content").addObject().put("type", "text").put("text", message);
        r.put("isError", true);
        return r;
    }

    private static String text(JsonNode a, String key) {
        JsonNode v = a.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
