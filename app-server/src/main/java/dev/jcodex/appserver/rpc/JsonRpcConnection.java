package dev.jcodex.appserver.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One JSON-RPC peer over any framing (a JSONL line or a WebSocket frame is one message). Parses and
 * classifies inbound messages, answers with spec-correct errors, writes responses, notifications and the
 * daemon's requests, and resolves replies to those requests. Outbound messages never carry
 * {@code "jsonrpc"} (the Codex dialect); inbound it is accepted and ignored.
 */
public final class JsonRpcConnection {
    private final Outbound out;
    private final Dispatcher dispatcher;
    private final ClientSession session = new ClientSession();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Runnable> closeHooks = new CopyOnWriteArrayList<>();
    private final Map<Class<?>, Object> attachments = new ConcurrentHashMap<>();
    private final Ingress ingress;
    private volatile boolean closed;

    public JsonRpcConnection(Outbound out, Dispatcher dispatcher) {
        this(out, dispatcher, Ingress.DEFAULT_CAPACITY);
    }

    /** {@code ingressCapacity}: requests that may be queued or running at once before -32001. */
    public JsonRpcConnection(Outbound out, Dispatcher dispatcher, int ingressCapacity) {
        this.out = out;
        this.dispatcher = dispatcher;
        this.ingress = new Ingress(ingressCapacity, "jcodex-rpc-" + System.identityHashCode(this));
    }

    /**
     * Per-connection state owned by a feature (its running processes, its watches), created on first use;
     * it dies with the connection (register an {@link #onClose} hook in {@code create} to clean up).
     */
    @SuppressWarnings("unchecked")
    public <T> T attachment(Class<T> type, java.util.function.Function<JsonRpcConnection, T> create) {
        return (T) attachments.computeIfAbsent(type, k -> create.apply(this));
    }

    public ClientSession session() { return session; }

    public boolean isClosed() { return closed; }

    /** Runs when the connection goes away (transport EOF, disconnect, slow-client drop). */
    public void onClose(Runnable r) {
        closeHooks.add(r);
        if (closed) r.run();
    }

    /** The peer stopped sending (EOF): answer everything it asked for before closing (bounded wait). */
    public void drain(long timeoutMs) { ingress.drain(timeoutMs); }

    public void close() {
        if (closed) return;
        closed = true;
        ingress.close();
        for (var f : pending.values()) f.completeExceptionally(new IllegalStateException("connection closed"));
        pending.clear();
        for (Runnable r : closeHooks) {
            try { r.run(); } catch (RuntimeException e) { e.printStackTrace(System.err); }
        }
        out.close();
    }

    /**
     * Handles one inbound message (without its newline). Every line that is not one JSON value in UTF-8 is
     * answered -32700 with id null, whatever went wrong inside the parser; a blank line is skipped.
     */
    public void handle(byte[] buf, int off, int len) {
        if (isBlank(buf, off, len)) return;
        String encoding = Utf8.problem(buf, off, len);
        if (encoding != null) {
            sendError(NullNode.instance, new RpcException(ErrorCodes.PARSE_ERROR, "Parse error: " + encoding));
            return;
        }
        JsonNode node;
        try {
            node = TreeCodec.read(buf, off, len);
        } catch (StreamConstraintsException e) {
            sendError(NullNode.instance, RpcException.invalidRequest("Invalid request: " + firstLine(e.getOriginalMessage())));
            return;
        } catch (JsonProcessingException e) {
            sendError(NullNode.instance, new RpcException(ErrorCodes.PARSE_ERROR, "Parse error: " + firstLine(e.getOriginalMessage())));
            return;
        } catch (IOException | RuntimeException e) {
            // a parser failure of another kind is still an unparsable line, never the reader thread's end
            sendError(NullNode.instance, new RpcException(ErrorCodes.PARSE_ERROR, "Parse error: " + firstLine(e.getMessage())));
            return;
        } catch (OutOfMemoryError | StackOverflowError e) {
            // the message is dropped and its buffers with it; the transport's reader must go on reading
            sendError(NullNode.instance, new RpcException(ErrorCodes.INTERNAL_ERROR,
                    "Internal error: message of " + len + " bytes could not be parsed: " + e));
            return;
        }
        if (node == null) { // a byte-order mark and nothing else
            sendError(NullNode.instance, new RpcException(ErrorCodes.PARSE_ERROR, "Parse error: no JSON value"));
            return;
        }
        handle(node);
    }

    void handle(JsonNode node) {
        if (node == null || node.isMissingNode()) return;
        if (node.isArray()) {
            sendError(NullNode.instance, RpcException.invalidRequest(node.isEmpty()
                    ? "Invalid request: empty batch"
                    : "Invalid request: batches are not supported; send one message per line"));
            return;
        }
        if (!(node instanceof ObjectNode msg)) {
            sendError(NullNode.instance, RpcException.invalidRequest("Invalid request: expected a JSON object"));
            return;
        }
        JsonNode id = msg.get("id");
        boolean hasId = id != null;
        boolean validId = hasId && (id.isTextual() || (id.isIntegralNumber() && id.canConvertToLong()));
        JsonNode method = msg.get("method");
        if (method != null) {
            if (!method.isTextual()) {
                sendError(validId ? id : NullNode.instance, RpcException.invalidRequest("Invalid request: `method` must be a string"));
                return;
            }
            if (!hasId) {
                handleNotification(method.asText(), msg.get("params"));
                return;
            }
            if (!validId) {
                sendError(NullNode.instance, RpcException.invalidRequest("Invalid request: `id` must be a string or an integer"));
                return;
            }
            String name = method.asText();
            if (!dispatcher.knows(name)) {
                sendError(id, new RpcException(ErrorCodes.METHOD_NOT_FOUND, "Method not found: " + name));
                return;
            }
            if (!ingress.tryAcquire()) {
                sendError(id, new RpcException(ErrorCodes.SERVER_OVERLOADED, "Server overloaded; retry later."));
                return;
            }
            JsonNode params = msg.get("params");
            ingress.submit(() -> dispatcher.dispatch(this, id, name, params, ingress::release));
            return;
        }
        if (hasId && (msg.has("result") || msg.has("error"))) {
            handleResponse(id, msg);
            return;
        }
        sendError(validId ? id : NullNode.instance, RpcException.invalidRequest("Invalid request: missing `method`"));
    }

    /** Client notifications get no reply whatever is wrong with them (JSON-RPC); what is wrong goes to stderr. */
    private void handleNotification(String method, JsonNode params) {
        // "initialized" is the only client notification, and it has no params; others are ignored as JSON-RPC allows.
        if ("initialized".equals(method)) {
            if (params != null && !params.isNull() && !params.isObject()) {
                System.err.println("jcodex: notification initialized: params: expected object, got "
                        + dev.jcodex.appserver.rpc.validation.ParamsValidator.describe(params) + " (ignored)");
            }
            return;
        }
        System.err.println("jcodex: ignoring client notification " + method
                + (dispatcher.knows(method) ? " (a request needs an `id`)" : ""));
    }

    private void handleResponse(JsonNode id, ObjectNode msg) {
        CompletableFuture<JsonNode> f = id.canConvertToLong() ? pending.remove(id.asLong()) : null;
        if (f == null) {
            System.err.println("jcodex: ignoring response to unknown request id " + id);
            return;
        }
        if (msg.has("error")) f.completeExceptionally(new ClientErrorReply(msg.get("error")));
        else f.complete(msg.get("result"));
    }

    /** The client answered one of our requests with an error object. */
    public static final class ClientErrorReply extends RuntimeException {
        private final transient JsonNode error;

        ClientErrorReply(JsonNode error) {
            super("client replied with error: " + error, null, false, false);
            this.error = error;
        }

        public JsonNode error() { return error; }
    }

    // ---- outbound ----

    public void sendResult(JsonNode id, Object result) {
        write(g -> {
            g.writeFieldName("id");
            TreeCodec.write(g, id);
            g.writeFieldName("result");
            if (result == null) {
                g.writeStartObject();
                g.writeEndObject();
            } else if (result instanceof JsonNode tree) TreeCodec.write(g, tree);
            else ProtocolJson.MAPPER.writeValue(g, result);
        });
    }

    public void sendError(JsonNode id, RpcException e) {
        write(g -> {
            g.writeFieldName("id");
            TreeCodec.write(g, id == null ? NullNode.instance : id);
            g.writeObjectFieldStart("error");
            g.writeNumberField("code", e.code());
            g.writeStringField("message", e.getMessage());
            if (e.data() != null) {
                g.writeFieldName("data");
                ProtocolJson.MAPPER.writeValue(g, e.data());
            }
            g.writeEndObject();
        });
    }

    /** Sends an already-serialized message (a notification shared by several connections). */
    public void sendRaw(byte[] message) {
        if (closed) return;
        if (!out.send(message)) {
            System.err.println("jcodex: client is not reading; dropping the connection");
            close();
        }
    }

    /** Serializes a notification once; {@link #sendRaw} it to each subscriber. */
    public static byte[] notification(String method, Object params) {
        return notification(method, params, System.currentTimeMillis());
    }

    static byte[] notification(String method, Object params, long emittedAtMs) {
        byte[] delta = DeltaNotifications.render(method, params, emittedAtMs);
        return delta != null ? delta : databindNotification(method, params, emittedAtMs);
    }

    /** The generic path (and the definition {@link DeltaNotifications} must match byte for byte). */
    static byte[] databindNotification(String method, Object params, long emittedAtMs) {
        return serialize(g -> {
            g.writeStringField("method", method);
            g.writeFieldName("params");
            ProtocolJson.MAPPER.writeValue(g, params);
            g.writeNumberField("emittedAtMs", emittedAtMs);
        });
    }

    public void sendNotification(String method, Object params) {
        if (session.wants(method)) sendRaw(notification(method, params));
    }

    /** Serializes a server → client request once; {@link #sendRequest} it to each client asked. */
    public static byte[] request(long id, String method, Object params) {
        return serialize(g -> {
            g.writeFieldName("id");
            g.writeNumber(id);
            g.writeStringField("method", method);
            g.writeFieldName("params");
            ProtocolJson.MAPPER.writeValue(g, params);
        });
    }

    /**
     * Sends a server → client request built by {@link #request}; the future completes with the client's
     * result, or fails on an error reply ({@link ClientErrorReply}) or when the connection closes. The id is
     * the caller's: server request ids are daemon-wide (one request asked of several clients keeps its id).
     */
    public CompletableFuture<JsonNode> sendRequest(long id, byte[] message) {
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        if (closed) {
            f.completeExceptionally(new IllegalStateException("connection closed"));
            return f;
        }
        pending.put(id, f); // before the write, so the quickest reply finds it
        sendRaw(message);
        if (closed && pending.remove(id, f)) f.completeExceptionally(new IllegalStateException("connection closed"));
        return f;
    }

    /** Stops waiting for a reply to {@code id} (a late reply is then ignored). */
    public void forgetRequest(long id) {
        CompletableFuture<JsonNode> f = pending.remove(id);
        if (f != null) f.cancel(false);
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private void write(Body body) { sendRaw(serialize(body)); }

    private static byte[] serialize(Body body) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(256);
        try (JsonGenerator g = TreeCodec.FACTORY.createGenerator(bos)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    private static boolean isBlank(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
        }
        return true;
    }

    private static String firstLine(String s) {
        if (s == null) return "invalid JSON";
        int nl = s.indexOf('\n');
        return nl > 0 ? s.substring(0, nl) : s;
    }
}
