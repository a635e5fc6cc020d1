package dev.jcodex.appserver.rpc;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.appserver.rpc.validation.ParamsValidator;
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

    /** {@code declared}: the params type the request is validated against (the wire type, even for raw handlers). */
    private record Route<P>(Class<P> type, Class<?> declared, Handler<P> handler, boolean async) {}

    private static final ExecutorService ASYNC = Executors.newVirtualThreadPerTaskExecutor();

    private final Map<String, Route<?>> routes = new HashMap<>();

    /** Registers a quick handler (runs in request order on the connection's reader). */
    public <P, R> Dispatcher on(RequestMethod<P, R> method, Handler<P> handler) {
        routes.put(method.name(), new Route<>(method.params(), declared(method), handler, false));
        return this;
    }

    /** Registers a handler that may block; it runs concurrently with later requests. */
    public <P, R> Dispatcher onAsync(RequestMethod<P, R> method, Handler<P> handler) {
        routes.put(method.name(), new Route<>(method.params(), declared(method), handler, true));
        return this;
    }

    public boolean knows(String method) { return routes.containsKey(method); }

    /**
     * A handler that takes the raw params tree (initialize, to keep databind off the cold path) is still
     * validated against the wire type its method has in {@link ClientRequests}.
     */
    private static Class<?> declared(RequestMethod<?, ?> method) {
        if (method.params() != ObjectNode.class) return method.params();
        for (RequestMethod<?, ?> m : ClientRequests.ALL) {
            if (m.name().equals(method.name())) return m.params();
        }
        return null;
    }

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
            P typed = parse(method, route.type(), route.declared(), params);
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

    /**
     * The one step between parsing and the handler: params are checked against their wire type's shape
     * ({@link ParamsValidator}: required, exact JSON types, enums, nesting), then bound without coercion.
     * A missing or null params object reads as {} (then a required field is reported missing).
     */
    static <P> P parse(String method, Class<P> type, Class<?> declared, JsonNode params) {
        JsonNode node = params == null || params instanceof NullNode ? JsonNodeFactory.instance.objectNode() : params;
        if (!node.isObject()) {
            throw invalidParams(method, "params", "expected object, got " + ParamsValidator.describe(node));
        }
        if (declared != null) {
            ParamsValidator.Violation bad = ParamsValidator.of(declared).check(node);
            if (bad != null) throw invalidParams(method, bad.path(), bad.problem());
        }
        if (type == ObjectNode.class) return type.cast(node); // raw-params handler
        try {
            return ProtocolJson.MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            // what the shape cannot say (a record's own constructor checks) still names its field
            throw RpcException.invalidParams("Invalid params for " + method + ": " + describe(e));
        } catch (Exception e) {
            throw RpcException.invalidParams("Invalid params for " + method + ": " + e.getMessage());
        }
    }

    private static RpcException invalidParams(String method, String path, String problem) {
        return new RpcException(ErrorCodes.INVALID_PARAMS, "Invalid params for " + method + ": " + path + ": " + problem,
                Map.of("field", path));
    }

    /** A short message naming the offending field, e.g. {@code params.input[0].text: missing required field}. */
    static String describe(JsonMappingException e) {
        StringBuilder path = new StringBuilder("params");
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        String msg = e.getOriginalMessage();
        if (msg.startsWith("Missing required creator property")) {
            int a = msg.indexOf('\''), b = msg.indexOf('\'', a + 1);
            String field = a >= 0 && b > a ? msg.substring(a + 1, b) : "?";
            String full = path.toString().endsWith("." + field) ? path.toString() : path + "." + field;
            return full + ": missing required field";
        }
        String where = path + ": ";
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
