package dev.jcodex.appserver.rpc.validation;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.appserver.AppServer;
import dev.jcodex.appserver.exec.InProcessClient;
import dev.jcodex.appserver.testing.MockResponses;
import dev.jcodex.core.config.ConfigLoader;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.RequestMethod;
import dev.jcodex.protocol.shape.WireShape;
import dev.jcodex.protocol.shape.WireShapes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile params for EVERY method in {@link ClientRequests}, against an in-process {@link AppServer}: each
 * request is a valid baseline (built from the method's wire shape, with real thread ids and paths) with one
 * mutation: a value of the wrong JSON type, a null, a missing required field, an extra field, a bogus enum or
 * union tag, anywhere in the tree. Seeded ({@code -Dfuzz.seed=N} to replay; the seed is printed).
 * Asserts: never -32603; a wrong type, null where not allowed or missing required field is -32602 naming
 * its path, never a result; anything else is not -32603; the daemon still serves afterwards.
 */
class ParamsFuzzTest {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 2500);

    @TempDir Path tmp;
    Random rnd;
    Path work;
    List<String> threadIds = new ArrayList<>();
    String method; // the one being mutated (paths are per method, so one fs call does not undo another's file)

    /** One mutated request: {@code badPath} is the field the daemon must name (null: the params stay well-typed). */
    record Case(String method, ObjectNode params, String badPath, String what) {}

    @Test
    void everyMethodAnswersIllTypedParamsWithMinus32602NamingTheFieldAndNeverCrashes() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("ParamsFuzzTest seed=" + seed + " (replay: -Dfuzz.seed=" + seed + ")");
        rnd = new Random(seed);
        Path home = Files.createDirectories(tmp.resolve("home"));
        work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("f.txt"), "hello\n");
        try (MockResponses mock = new MockResponses()) {
            Files.writeString(home.resolve("config.toml"), mock.keylessConfigToml(""));
            AppServer server = new AppServer(new ConfigLoader(home, List.of(), null));
            try (InProcessClient c = new InProcessClient(server)) {
                c.call("initialize", obj("clientInfo", obj("name", "fuzz", "version", "1")));
                c.notify("initialized");
                for (int i = 0; i < 3; i++) threadIds.add(c.call("thread/start", obj("cwd", work.toString())).path("thread").path("id").asText());

                Map<String, Integer> perMethod = new HashMap<>();
                int illTyped = 0;
                long t0 = System.nanoTime();
                for (int i = 0; i < REQUESTS; i++) {
                    RequestMethod<?, ?> m = ClientRequests.ALL.get(rnd.nextInt(ClientRequests.ALL.size()));
                    Case k = mutate(m);
                    perMethod.merge(m.name(), 1, Integer::sum);
                    if (k.badPath() != null) illTyped++;
                    check(k, answer(c.request(k.method(), k.params())), seed);
                }
                System.out.printf("ParamsFuzzTest: %d requests (%d ill-typed) over %d methods in %d ms%n", REQUESTS, illTyped,
                        perMethod.size(), (System.nanoTime() - t0) / 1_000_000);
                assertEquals(ClientRequests.ALL.size(), perMethod.size(), "every method was exercised: " + perMethod.keySet());

                // alive and serving: a valid request after the storm succeeds
                JsonNode meta = c.call("fs/getMetadata", obj("path", work.toString()));
                assertTrue(meta.path("isDirectory").asBoolean(), meta.toString());
                assertTrue(c.call("thread/start", obj("cwd", work.toString())).path("thread").path("id").asText().length() > 10);
            }
            server.closeAll();
        }
    }

    private static void check(Case k, JsonNode answer, long seed) {
        String where = k.method() + " with " + k.what() + " (seed " + seed + "): " + trim(k.params()) + " -> " + trim(answer);
        int code = answer.path("error").path("code").asInt(0);
        String msg = answer.path("error").path("message").asText();
        // fs/* report a failed system call as -32603 with the OS's reason, as Codex does (a path the storm
        // removed, a file where a directory was asked for); anything else -32603 is a handler that broke
        boolean osError = k.method().startsWith("fs/") && !msg.startsWith("Internal error");
        if (!osError) assertNotEquals(-32603, code, "internal error for " + where);
        if (k.badPath() == null) return;
        assertFalse(answer.has("result"), "a result for ill-typed params: " + where);
        assertEquals(-32602, code, where);
        assertTrue(msg.contains(k.badPath() + ": "), "message names " + k.badPath() + ": " + where);
        assertEquals(k.badPath(), answer.path("error").path("data").path("field").asText(), where);
    }

    private static JsonNode answer(CompletableFuture<JsonNode> f) throws Exception {
        try {
            return F.objectNode().set("result", f.get(20, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InProcessClient.RpcError err) return F.objectNode().set("error", err.error());
            throw e;
        }
    }

    // ---- the mutations ----

    private Case mutate(RequestMethod<?, ?> m) {
        method = m.name();
        WireShape.Obj shape = (WireShape.Obj) WireShapes.of(m.params());
        ObjectNode params = (ObjectNode) valid(shape, "params");
        List<String> what = new ArrayList<>();
        String bad = rnd.nextInt(10) == 0 ? null : mutateObj(shape, params, "params", what);
        if (what.isEmpty()) what.add("valid params");
        return new Case(m.name(), params, bad, String.join(", ", what));
    }

    /** Mutates one field of {@code o} (maybe deep inside); returns the path the daemon must name, or null. */
    private String mutateObj(WireShape.Obj shape, ObjectNode o, String path, List<String> what) {
        int kind = rnd.nextInt(10);
        if (kind == 0 || shape.fields().isEmpty()) {
            o.set("zz" + rnd.nextInt(1000), randomValue(2)); // a field a newer client may send: accepted as in Codex
            what.add("an extra field");
            return null;
        }
        WireShape.Field f = shape.fields().get(rnd.nextInt(shape.fields().size()));
        String fp = path + "." + f.name();
        if (kind == 1) {
            o.putNull(f.name());
            what.add("null " + fp);
            return f.nullable() ? null : fp;
        }
        if (kind == 2) {
            o.remove(f.name());
            what.add("no " + fp);
            return f.required() ? fp : null;
        }
        JsonNode current = o.get(f.name());
        if (current == null) {
            current = valid(f.shape(), f.name());
            o.set(f.name(), current);
        }
        if (kind <= 5 && descend(f.shape(), current, fp, what) instanceof String deep) return deep;
        JsonNode wrong = wrongFor(f.shape());
        if (wrong == null) { // any value fits (Object): that is not a wrong type
            what.add("any value at " + fp);
            return null;
        }
        o.set(f.name(), wrong);
        what.add(fp + " = " + trim(wrong));
        return fp;
    }

    /** A mutation inside a container value, or null when there is nothing inside to mutate. */
    private Object descend(WireShape s, JsonNode v, String path, List<String> what) {
        switch (s) {
            case WireShape.Obj o when v instanceof ObjectNode on && !o.fields().isEmpty() -> {
                return mutateObj(o, on, path, what);
            }
            case WireShape.Union u when v instanceof ObjectNode on -> {
                int k = rnd.nextInt(3);
                if (k == 0) {
                    on.put(u.tag(), "bogusVariant");
                    what.add("unknown " + path + "." + u.tag());
                    return path + "." + u.tag();
                }
                if (k == 1) {
                    on.remove(u.tag());
                    what.add("no " + path + "." + u.tag());
                    return path + "." + u.tag();
                }
                WireShape.Obj variant = u.variants().get(on.path(u.tag()).asText());
                return variant.fields().isEmpty() ? null : mutateObj(variant, on, path, what);
            }
            case WireShape.ArrayOf a when v instanceof ArrayNode an && !an.isEmpty() -> {
                String ep = path + "[0]";
                if (rnd.nextBoolean() && a.items() != WireShape.Scalar.ANY) {
                    an.set(0, F.nullNode());
                    what.add("null " + ep);
                    return ep;
                }
                Object deep = descend(a.items(), an.get(0), ep, what);
                if (deep != null) return deep;
                JsonNode wrong = wrongFor(a.items());
                if (wrong == null) return null;
                an.set(0, wrong);
                what.add(ep + " = " + trim(wrong));
                return ep;
            }
            case WireShape.MapOf m when v instanceof ObjectNode on -> {
                JsonNode wrong = wrongFor(m.values());
                if (wrong == null) return null;
                on.set("k", wrong);
                what.add(path + ".k = " + trim(wrong));
                return path + ".k";
            }
            default -> {
                return null;
            }
        }
    }

    /** A value of a JSON type {@code s} does not accept, or null when it accepts anything. */
    private JsonNode wrongFor(WireShape s) {
        List<JsonNode> c = new ArrayList<>(List.of(F.objectNode(), F.arrayNode().add(1), F.textNode("5"), F.numberNode(5),
                F.numberNode(5.5), F.booleanNode(true)));
        switch (s) {
            case WireShape.Scalar sc -> {
                switch (sc) {
                    case ANY -> { return null; }
                    case STRING -> c.removeIf(JsonNode::isTextual);
                    case BOOLEAN -> c.removeIf(JsonNode::isBoolean);
                    case NUMBER -> c.removeIf(JsonNode::isNumber);
                    case INT32, INT64 -> {
                        c.removeIf(JsonNode::isIntegralNumber);
                        c.add(F.numberNode(5.0));
                        if (sc == WireShape.Scalar.INT32) c.add(F.numberNode(1L << 40));
                    }
                }
            }
            case WireShape.Opaque o -> { return null; }
            case WireShape.EnumOf e -> {
                c.removeIf(JsonNode::isTextual);
                c.add(F.textNode("bogus-" + e.values().getFirst()));
                c.add(F.textNode(e.values().getFirst().toUpperCase() + "!"));
            }
            case WireShape.ArrayOf a -> c.removeIf(JsonNode::isArray);
            case WireShape.MapOf m -> c.removeIf(JsonNode::isObject);
            case WireShape.Obj o -> c.removeIf(JsonNode::isObject);
            case WireShape.Union u -> c.removeIf(JsonNode::isObject);
        }
        return c.get(rnd.nextInt(c.size()));
    }

    // ---- valid baselines ----

    /** A valid value of {@code s}; strings named like a thread id, path or command get real ones. */
    private JsonNode valid(WireShape s, String name) {
        return switch (s) {
            case WireShape.Scalar sc -> switch (sc) {
                case STRING -> F.textNode(stringFor(name));
                case BOOLEAN -> F.booleanNode(false);
                case INT32, INT64 -> F.numberNode(name.equals("rows") || name.equals("cols") ? 24 : 1);
                case NUMBER -> F.numberNode(1.5);
                case ANY -> F.textNode("x");
            };
            case WireShape.Opaque o -> F.textNode("x");
            case WireShape.EnumOf e -> F.textNode(e.values().get(rnd.nextInt(e.values().size())));
            case WireShape.ArrayOf a -> F.arrayNode().add(name.equals("command") ? F.textNode("true") : valid(a.items(), name));
            case WireShape.MapOf m -> F.objectNode();
            case WireShape.Obj o -> {
                ObjectNode n = F.objectNode();
                if (o.tag() != null) n.put(o.tag(), o.tagValue());
                for (WireShape.Field f : o.fields()) if (f.required()) n.set(f.name(), valid(f.shape(), f.name()));
                yield n;
            }
            case WireShape.Union u -> {
                List<WireShape.Obj> vs = new ArrayList<>(u.variants().values());
                yield valid(vs.get(rnd.nextInt(vs.size())), name);
            }
        };
    }

    private String stringFor(String name) {
        return switch (name) {
            case "threadId" -> threadIds.get(rnd.nextInt(threadIds.size()));
            case "path" -> method.equals("fs/readFile") || method.equals("fs/getMetadata") || method.equals("fs/watch")
                    ? work.resolve("f.txt").toString() : work.resolve(method.substring(3) + "-" + rnd.nextInt(20)).toString();
            case "sourcePath" -> work.resolve("f.txt").toString();
            case "destinationPath" -> work.resolve("copy-" + rnd.nextInt(100) + ".txt").toString();
            case "cwd", "roots" -> work.toString();
            case "command" -> "true";
            case "dataBase64" -> "aGk=";
            case "keyPath" -> "model";
            case "text" -> "hi";
            case "watchId", "processId" -> name + "-" + rnd.nextInt(5);
            default -> "x";
        };
    }

    private JsonNode randomValue(int depth) {
        return switch (rnd.nextInt(depth > 0 ? 7 : 5)) {
            case 0 -> F.nullNode();
            case 1 -> F.numberNode(rnd.nextInt());
            case 2 -> F.textNode("v" + rnd.nextInt(100));
            case 3 -> F.booleanNode(rnd.nextBoolean());
            case 4 -> F.numberNode(rnd.nextDouble());
            case 5 -> F.arrayNode().add(randomValue(depth - 1));
            default -> F.objectNode().set("n", randomValue(depth - 1));
        };
    }

    static ObjectNode obj(Object... kv) {
        ObjectNode o = F.objectNode();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] instanceof JsonNode n) o.set((String) kv[i], n);
            else o.put((String) kv[i], (String) kv[i + 1]);
        }
        return o;
    }

    private static String trim(JsonNode n) {
        String s = n.toString();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
