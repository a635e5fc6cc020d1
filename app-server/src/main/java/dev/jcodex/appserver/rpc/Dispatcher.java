package dev.jcodex.appserver.rpc;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.RequestMethod;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Routes client requests to their feature handler. Quick handlers run inline on the reading thread, so a
 * client's requests take effect in the order it sent them (turn/start before turn/interrupt); handlers
 * that may block (processes, file systems, approvals) run on virtual threads.
 */
public final class Dispatcher {
    @FunctionalInterface
    public interface Handler<P> {
        Object handle(JsonRpcConnection conn, P params) throws Exception;
    }

    private record Route<P>(Class<P> type, Handler<P> handler, boolean async) {}

    private static final ExecutorService ASYNC = Executors.newVirtualThreadPerTaskExecutor();

    private final Map<String, Route<?>> routes = new HashMap<>();

    /** Registers a quick handler (runs in request order on the connection's reader). */
    public <P, R> Dispatcher on(RequestMethod<P, R> method, Handler<P> handler) {
        routes.put(method.name(), new Route<>(method.params(), handler, false));
        return this;
    }

    /** Registers a handler that may block; it runs concurrently with later requests. */
    public <P, R> Dispatcher onAsync(RequestMethod<P, R> method, Handler<P> handler) {
        routes.put(method.name(), new Route<>(method.params(), handler, true));
        return this;
    }

    public boolean knows(String method) { return routes.containsKey(method); }

    /** Runs one request; {@code done} runs once its reply has been written (it frees an ingress permit). */
    void dispatch(JsonRpcConnection conn, JsonNode id, String method, JsonNode params, Runnable done) {
        Route<?> route = routes.get(method);
        if (route == null) {
            conn.sendError(id, new RpcException(ErrorCodes.METHOD_NOT_FOUND, "Method not found: " + method));
            done.run();
            return;
        }
        ClientSession session = conn.session();
        if (!session.initialized() && !method.equals(ClientRequests.INITIALIZE.name())) {
            conn.sendError(id, RpcException.invalidRequest("Not initialized"));
            done.run();
            return;
        }
        if (route.async()) {
            try {
                ASYNC.execute(() -> run(conn, id, method, route, params, done));
            } catch (RuntimeException e) {
                done.run();
                throw e;
            }
        } else {
            run(conn, id, method, route, params, done);
        }
    }

    private <P> void run(JsonRpcConnection conn, JsonNode id, String method, Route<P> route, JsonNode params,
                         Runnable done) {
        Object result;
        try {
            P typed = parse(method, route.type(), params);
            result = route.handler().handle(conn, typed);
        } catch (Throwable e) {
            fail(conn, id, method, e);
            done.run();
            return;
        }
        if (result instanceof CompletionStage<?> later) {
            // A deferred reply (e.g. command/exec answers when its process exits): the permit stays taken.
            later.whenComplete((r, e) -> {
                try {
                    if (e == null) reply(conn, id, r);
                    else fail(conn, id, method, e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
                } catch (Throwable x) {
                    internal(conn, id, x); // the reply could not be serialized (e.g. out of memory): still answer
                } finally {
                    done.run();
                }
            });
            return;
        }
        try {
            reply(conn, id, result);
        } catch (Throwable e) {
            internal(conn, id, e); // the reply could not be serialized (e.g. out of memory): still answer
        } finally {
            done.run();
        }
    }

    private static void reply(JsonRpcConnection conn, JsonNode id, Object result) {
        if (result instanceof Reply r) {
            conn.sendResult(id, r.result());
            if (r.afterSend() != null) r.afterSend().run();
        } else {
            conn.sendResult(id, result);
        }
    }

    private static void fail(JsonRpcConnection conn, JsonNode id, String method, Throwable t) {
        switch (t) {
            case RpcException e -> conn.sendError(id, e);
            case IllegalArgumentException e -> conn.sendError(id, RpcException.invalidParams(method + ": " + e.getMessage()));
            case IllegalStateException e -> conn.sendError(id, RpcException.invalidRequest(e.getMessage()));
            // Anything else, Errors included (OutOfMemoryError, StackOverflowError from a pathological input,
            // a LinkageError): -32603 for this request, and the connection keeps serving.
            default -> internal(conn, id, t);
        }
    }

    private static void internal(JsonRpcConnection conn, JsonNode id, Throwable e) {
        e.printStackTrace(System.err);
        conn.sendError(id, new RpcException(ErrorCodes.INTERNAL_ERROR, "Internal error: " + e));
    }

    /** Params are optional on the wire when every field is; a missing object reads as {}. */
    static <P> P parse(String method, Class<P> type, JsonNode params) {
        JsonNode node = params == null || params instanceof NullNode
                ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : params;
        if (!node.isObject()) {
            throw RpcException.invalidParams("Invalid params for " + method + ": expected an object, got "
                    + node.getNodeType().toString().toLowerCase());
        }
        if (type == com.fasterxml.jackson.databind.node.ObjectNode.class) return type.cast(node); // raw-params handler
        try {
            return ProtocolJson.MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw RpcException.invalidParams("Invalid params for " + method + ": " + describe(e));
        } catch (Exception e) {
            throw RpcException.invalidParams("Invalid params for " + method + ": " + e.getMessage());
        }
    }

    /** A short message naming the offending field, e.g. {@code `input[0].text`: missing required field}. */
    static String describe(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        String msg = e.getOriginalMessage();
        if (msg.startsWith("Missing required creator property")) {
            int a = msg.indexOf('\''), b = msg.indexOf('\'', a + 1);
            String field = a >= 0 && b > a ? msg.substring(a + 1, b) : "?";
            String full = path.isEmpty() ? field : path + "." + field;
            if (path.toString().endsWith(field)) full = path.toString();
            return "missing field `" + full + "`";
        }
        String where = path.isEmpty() ? "" : "`" + path + "`: ";
        if (e instanceof InvalidTypeIdException t) {
            return where + "unknown variant `" + t.getTypeId() + "`";
        }
        if (e instanceof InvalidFormatException f) {
            return where + "invalid value " + f.getValue() + (f.getTargetType() != null && f.getTargetType().isEnum()
                    ? ", expected one of " + enumValues(f.getTargetType()) : "");
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return where + "invalid type, expected " + simpleType(m.getTargetType());
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return where + v.getCause().getMessage();
        }
        int nl = msg.indexOf('\n');
        return where + (nl > 0 ? msg.substring(0, nl) : msg);
    }

    private static String simpleType(Class<?> t) {
        if (t == String.class) return "a string";
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) return "an integer";
        if (t == Boolean.class || t == boolean.class) return "a boolean";
        if (java.util.Collection.class.isAssignableFrom(t)) return "an array";
        return "an object";
    }

    private static String enumValues(Class<?> enumType) {
        StringBuilder sb = new StringBuilder();
        for (Object c : enumType.getEnumConstants()) {
            String name = ((Enum<?>) c).name();
            try {
                var f = enumType.getField(name).getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                if (f != null) name = f.value();
            } catch (NoSuchFieldException ignored) { }
            if (!sb.isEmpty()) sb.append(", ");
            sb.append('`').append(name).append('`');
        }
        return sb.toString();
    }
}
