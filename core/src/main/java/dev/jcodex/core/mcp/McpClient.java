package dev.jcodex.core.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The client side of one MCP server connection: the initialize handshake, paged tools/resources
 * listing, and tool calls with a deadline and progress. Every wait is bounded, and a server that exits
 * fails what is pending at once, so a broken server costs its own calls and nothing else.
 */
public final class McpClient implements AutoCloseable {
    public static final String PROTOCOL_VERSION = "2025-06-18";

    /** Answers an {@code elicitation/create} from the server; returns the MCP result {action, content}. */
    public interface ElicitationHandler {
        JsonNode elicit(String serverName, JsonNode params) throws Exception;
    }

    private final McpServerConfig config;
    private final McpTransport transport;
    private final McpPeer peer;
    private final Map<String, Consumer<String>> progress = new ConcurrentHashMap<>();
    private volatile JsonNode initializeResult = Json.object();
    private volatile String closedReason;

    public McpClient(McpServerConfig config, ElicitationHandler elicitation) {
        this.config = config;
        this.transport = McpTransport.of(config);
        this.peer = new McpPeer(transport::send);
        peer.onRequest((method, params) -> switch (method) {
            case "ping" -> Json.object();
            case "elicitation/create" -> {
                if (elicitation == null) throw new McpError(McpError.METHOD_NOT_FOUND, "elicitation is not supported");
                yield elicitation.elicit(config.name(), params);
            }
            default -> throw new McpError(McpError.METHOD_NOT_FOUND, "Method not found: " + method);
        });
        peer.onNotification((method, params) -> {
            if ("notifications/progress".equals(method) && params != null) {
                Consumer<String> c = progress.get(params.path("progressToken").asText());
                if (c != null) c.accept(progressText(params));
            }
        });
        this.elicitationSupported = elicitation != null;
    }

    private final boolean elicitationSupported;

    public String name() { return config.name(); }
    public McpServerConfig config() { return config; }
    public JsonNode initializeResult() { return initializeResult; }
    public JsonNode serverInfo() { return initializeResult.path("serverInfo"); }
    public JsonNode capabilities() { return initializeResult.path("capabilities"); }
    public boolean isAlive() { return closedReason == null; }

    /** Starts the server and runs the handshake within the startup timeout. */
    public void start() throws IOException, McpError, InterruptedException {
        transport.start(peer::receive, why -> {
            closedReason = why;
            peer.closed(why);
        });
        ObjectNode params = Json.object().put("protocolVersion", PROTOCOL_VERSION);
        ObjectNode caps = params.putObject("capabilities");
        if (elicitationSupported) caps.putObject("elicitation");
        params.putObject("clientInfo").put("name", "jcodex").put("title", "jcodex")
                .put("version", "0.1.0");
        JsonNode result = await(peer.request("initialize", params), config.startupTimeout(), "initialize");
        initializeResult = result;
        if (transport instanceof HttpMcpTransport h) h.setProtocolVersion(result.path("protocolVersion").asText(PROTOCOL_VERSION));
        peer.notify("notifications/initialized", null);
    }

    /** All tools (following nextCursor), as the server describes them. */
    public List<JsonNode> listTools(Duration timeout) throws McpError, InterruptedException {
        return listAll("tools/list", "tools", timeout);
    }

    /** Resources, or an empty list when the server offers none. */
    public List<JsonNode> listResources(Duration timeout) throws McpError, InterruptedException {
        if (!capabilities().has("resources")) return List.of();
        return listAll("resources/list", "resources", timeout);
    }

    public List<JsonNode> listResourceTemplates(Duration timeout) throws McpError, InterruptedException {
        if (!capabilities().has("resources")) return List.of();
        return listAll("resources/templates/list", "resourceTemplates", timeout);
    }

    private List<JsonNode> listAll(String method, String field, Duration timeout) throws McpError, InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 1000; page++) {
            ObjectNode params = Json.object();
            if (cursor != null) params.put("cursor", cursor);
            JsonNode r = await(peer.request(method, params), timeout, method);
            r.path(field).forEach(out::add);
            cursor = r.path("nextCursor").isTextual() ? r.get("nextCursor").asText() : null;
            if (cursor == null || cursor.isEmpty()) break;
        }
        return out;
    }

    /**
     * Calls a tool. {@code onProgress} gets each progress message; {@code cancel} (run by the caller's
     * cancellation) abandons the call and tells the server. Throws McpError for an error reply, a timeout
     * ({@link McpError#REQUEST_TIMEOUT}) or a dead server.
     */
    public JsonNode callTool(String tool, JsonNode arguments, Duration timeout, Consumer<String> onProgress,
                             Consumer<Runnable> registerCancel) throws McpError, InterruptedException {
        String token = "jcodex-" + peer.peekNextId() + "-" + System.nanoTime();
        ObjectNode params = Json.object().put("name", tool);
        params.set("arguments", arguments == null ? Json.object() : arguments);
        params.putObject("_meta").put("progressToken", token);
        if (onProgress != null) progress.put(token, onProgress);
        CompletableFuture<JsonNode> f = peer.request("tools/call", params);
        if (registerCancel != null) registerCancel.accept(() -> {
            peer.cancel(f, "interrupted by the user");
            f.completeExceptionally(new McpError(McpError.REQUEST_TIMEOUT, "interrupted"));
        });
        try {
            return await(f, timeout, "tools/call " + tool);
        } finally {
            progress.remove(token);
        }
    }

    private JsonNode await(CompletableFuture<JsonNode> f, Duration timeout, String what) throws McpError, InterruptedException {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            peer.cancel(f, "timed out");
            throw new McpError(McpError.REQUEST_TIMEOUT, what + " timed out after " + seconds(timeout));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof McpError m) throw m;
            throw new McpError(McpError.INTERNAL_ERROR, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            peer.cancel(f, "interrupted");
            throw e;
        }
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : (ms / 1000.0) + "s";
    }

    static String progressText(JsonNode p) {
        if (p.hasNonNull("message")) return p.get("message").asText();
        String s = p.path("progress").asText();
        return p.hasNonNull("total") ? s + "/" + p.get("total").asText() : s;
    }

    @Override
    public void close() {
        peer.closed("client closed");
        transport.close();
    }
}
