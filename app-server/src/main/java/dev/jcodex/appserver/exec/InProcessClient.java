package dev.jcodex.appserver.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.appserver.AppServer;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.Outbound;
import dev.jcodex.appserver.rpc.ProtocolJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC client of an {@link AppServer} living in the same process: exec speaks the very protocol an
 * IDE speaks (the same dispatcher, handlers and event translation), only without a pipe in between.
 * Responses complete the futures of {@link #request}; notifications and server → client requests are
 * queued, in the order the server wrote them, for {@link #next}.
 */
public final class InProcessClient implements AutoCloseable {
    private final JsonRpcConnection conn;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<ObjectNode> inbox = new LinkedBlockingQueue<>();

    public InProcessClient(AppServer server) {
        this.conn = new JsonRpcConnection(new Outbound() {
            @Override
            public boolean send(byte[] message) {
                receive(message);
                return true;
            }

            @Override
            public void close() {}
        }, server.dispatcher());
        conn.session().setThreadSource("exec"); // as Codex records them; thread/list hides them by default
        server.attach(conn);
    }

    /** A server error reply, kept whole so callers can print its message. */
    public static final class RpcError extends RuntimeException {
        private final transient JsonNode error;

        public RpcError(String method, JsonNode error) {
            super(error.path("message").asText(method + " failed"), null, false, false);
            this.error = error;
        }

        /** The JSON-RPC error code (-32602 invalid params, …). */
        public int code() { return error.path("code").asInt(); }

        public JsonNode error() { return error; }
    }

    /** Sends a request; the future completes with its result or fails with {@link RpcError}. */
    public CompletableFuture<JsonNode> request(String method, Object params) {
        long id = nextId.getAndIncrement();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = ProtocolJson.MAPPER.createObjectNode().put("id", id).put("method", method);
        if (params != null) msg.set("params", ProtocolJson.MAPPER.valueToTree(params));
        deliver(msg);
        f.whenComplete((r, e) -> pending.remove(id));
        return f;
    }

    /** Waits for a request's result; a server error becomes {@link RpcError}. */
    public JsonNode call(String method, Object params) {
        try {
            return request(method, params).get(10, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + ": no reply", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + ": interrupted", e);
        }
    }

    public void notify(String method) {
        deliver(ProtocolJson.MAPPER.createObjectNode().put("method", method));
    }

    /** Answers a server → client request. */
    public void respond(JsonNode id, Object result) {
        ObjectNode msg = ProtocolJson.MAPPER.createObjectNode();
        msg.set("id", id);
        msg.set("result", ProtocolJson.MAPPER.valueToTree(result));
        deliver(msg);
    }

    /** Refuses a server → client request this client cannot serve. */
    public void respondError(JsonNode id, int code, String message) {
        ObjectNode msg = ProtocolJson.MAPPER.createObjectNode();
        msg.set("id", id);
        msg.putObject("error").put("code", code).put("message", message);
        deliver(msg);
    }

    /** The next notification or server request, or null after {@code timeoutMs}. */
    public ObjectNode next(long timeoutMs) throws InterruptedException {
        return inbox.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    private void deliver(ObjectNode msg) {
        try {
            byte[] bytes = ProtocolJson.MAPPER.writeValueAsBytes(msg);
            conn.handle(bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void receive(byte[] message) {
        JsonNode node;
        try {
            node = ProtocolJson.MAPPER.readTree(message);
        } catch (IOException e) {
            throw new UncheckedIOException("server wrote unparsable JSON", e);
        }
        if (!(node instanceof ObjectNode msg)) return;
        if (msg.has("method")) {
            inbox.add(msg);
            return;
        }
        JsonNode id = msg.get("id");
        CompletableFuture<JsonNode> f = id != null && id.canConvertToLong() ? pending.get(id.asLong()) : null;
        if (f == null) return;
        if (msg.has("error")) f.completeExceptionally(new RpcError("request", msg.get("error")));
        else f.complete(msg.get("result"));
    }

    @Override
    public void close() { conn.close(); }
}
