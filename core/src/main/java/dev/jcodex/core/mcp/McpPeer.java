package dev.jcodex.core.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.util.Json;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One MCP JSON-RPC 2.0 endpoint over any message channel, used both by our MCP client and by
 * {@code jcodex mcp-server}. Unlike the app-server dialect, MCP requires {@code "jsonrpc":"2.0"} on every
 * message. Requests from the other side run on their own virtual thread so a handler that waits (an
 * elicitation waiting for a person) never stalls the reader.
 */
public final class McpPeer {
    /** Handles a request from the other side: returns the result, or throws {@link McpError}. */
    public interface RequestHandler {
        JsonNode handle(String method, JsonNode params) throws Exception;
    }

    private final Consumer<ObjectNode> out;
    private final AtomicLong nextId = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private volatile RequestHandler requests = (m, p) -> { throw new McpError(McpError.METHOD_NOT_FOUND, "Method not found: " + m); };
    private volatile java.util.function.BiConsumer<String, JsonNode> notifications = (m, p) -> { };
    private volatile String closedReason;

    /** {@code out} writes one message (it must be thread-safe). */
    public McpPeer(Consumer<ObjectNode> out) { this.out = out; }

    public void onRequest(RequestHandler h) { this.requests = h; }

    public void onNotification(java.util.function.BiConsumer<String, JsonNode> h) { this.notifications = h; }

    /** Sends a request; the future fails with {@link McpError} for an error reply or when the channel closes. */
    public CompletableFuture<JsonNode> request(String method, JsonNode params) {
        long id = nextId.getAndIncrement();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        String closed = closedReason;
        if (closed != null) {
            f.completeExceptionally(new McpError(McpError.CONNECTION_CLOSED, closed));
            return f;
        }
        pending.put(id, f);
        ObjectNode msg = Json.object().put("jsonrpc", "2.0").put("id", id).put("method", method);
        if (params != null) msg.set("params", params);
        try {
            out.accept(msg);
        } catch (RuntimeException e) {
            pending.remove(id);
            f.completeExceptionally(new McpError(McpError.CONNECTION_CLOSED, "send failed: " + e.getMessage()));
        }
        return f;
    }

    /** Forgets a request we stopped waiting for and tells the other side (MCP cancellation). */
    public void cancel(CompletableFuture<JsonNode> f, String reason) {
        for (Map.Entry<Long, CompletableFuture<JsonNode>> e : pending.entrySet()) {
            if (e.getValue() == f && pending.remove(e.getKey(), f)) {
                notify("notifications/cancelled", Json.object().put("requestId", e.getKey()).put("reason", reason));
            }
        }
    }

    /** Id the next request will carry (progress tokens are derived from it). */
    public long peekNextId() { return nextId.get(); }

    public void notify(String method, JsonNode params) {
        if (closedReason != null) return;
        ObjectNode msg = Json.object().put("jsonrpc", "2.0").put("method", method);
        if (params != null) msg.set("params", params);
        try { out.accept(msg); } catch (RuntimeException ignored) { /* the close path reports it */ }
    }

    /** Feeds one inbound message. */
    public void receive(JsonNode msg) {
        if (!(msg instanceof ObjectNode o)) return;
        JsonNode id = o.get("id");
        JsonNode method = o.get("method");
        if (method != null && method.isTextual()) {
            if (id == null || id.isNull()) {
                try { notifications.accept(method.asText(), o.get("params")); }
                catch (RuntimeException e) { e.printStackTrace(System.err); }
                return;
            }
            Thread.ofVirtual().name("mcp-request-" + method.asText()).start(() -> answer(id, method.asText(), o.get("params")));
            return;
        }
        if (id == null || !id.canConvertToLong()) return;
        CompletableFuture<JsonNode> f = pending.remove(id.asLong());
        if (f == null) return;
        JsonNode err = o.get("error");
        if (err != null && !err.isNull()) {
            f.completeExceptionally(new McpError(err.path("code").asInt(McpError.INTERNAL_ERROR),
                    err.path("message").asText("error"), err.get("data")));
        } else {
            JsonNode r = o.get("result");
            f.complete(r == null ? Json.object() : r);
        }
    }

    private void answer(JsonNode id, String method, JsonNode params) {
        ObjectNode reply = Json.object().put("jsonrpc", "2.0");
        reply.set("id", id);
        try {
            JsonNode result = requests.handle(method, params);
            reply.set("result", result == null ? Json.object() : result);
        } catch (McpError e) {
            reply.set("error", e.toJson());
        } catch (IllegalArgumentException e) {
            reply.set("error", new McpError(McpError.INVALID_PARAMS, e.getMessage()).toJson());
        } catch (Exception e) {
            reply.set("error", new McpError(McpError.INTERNAL_ERROR, String.valueOf(e.getMessage())).toJson());
        }
        try { out.accept(reply); } catch (RuntimeException ignored) { /* channel gone */ }
    }

    /** The channel is gone: every waiting request fails with {@code reason}. */
    public void closed(String reason) {
        closedReason = reason;
        for (Long id : pending.keySet()) {
            CompletableFuture<JsonNode> f = pending.remove(id);
            if (f != null) f.completeExceptionally(new McpError(McpError.CONNECTION_CLOSED, reason));
        }
    }

    public boolean isClosed() { return closedReason != null; }
}
