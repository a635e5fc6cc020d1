package dev.jcodex.appserver.rpc.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.protocol.shape.WireShape;
import dev.jcodex.protocol.shape.WireShapes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a request's params against the {@link WireShape} of its params type (the type walk the JSON Schema
 * is generated from) before anything binds them: required fields present and not null, every value of its
 * exact JSON type (no "5" for 5, no 1 for true, no 5.0 for an integer), enum and union tags from their sets,
 * nested objects, arrays and maps all the way down. Unknown fields are ignored, as Codex does (a newer client
 * may send fields this daemon does not know). The first violation is reported with its path, e.g.
 * {@code params.input[0].text: expected string, got number 5}.
 *
 * <p>Cost: one pass over the params tree, no allocation unless something is wrong (then one {@link Violation}).
 */
public final class ParamsValidator {
    private static final Map<Class<?>, ParamsValidator> CACHE = new ConcurrentHashMap<>();

    private final WireShape shape;

    private ParamsValidator(WireShape shape) { this.shape = shape; }

    /** The validator of a params type (built on first use, then shared). */
    public static ParamsValidator of(Class<?> paramsType) {
        ParamsValidator v = CACHE.get(paramsType);
        if (v == null) { // no lambda: its bootstrap would cost the cold initialize a millisecond or more
            v = new ParamsValidator(WireShapes.of(paramsType));
            ParamsValidator first = CACHE.putIfAbsent(paramsType, v);
            if (first != null) v = first;
        }
        return v;
    }

    /** What is wrong and where: {@code path} starts at {@code params}. */
    public static final class Violation {
        private final List<Object> reversedPath = new ArrayList<>(4); // innermost first: String field, Integer index
        private final String problem;

        Violation(String problem) { this.problem = problem; }

        Violation at(Object segment) {
            reversedPath.add(segment);
            return this;
        }

        public String path() {
            StringBuilder sb = new StringBuilder("params");
            for (int i = reversedPath.size() - 1; i >= 0; i--) {
                Object s = reversedPath.get(i);
                if (s instanceof Integer idx) sb.append('[').append(idx).append(']');
                else sb.append('.').append(s);
            }
            return sb.toString();
        }

        public String problem() { return problem; }

        @Override
        public String toString() { return path() + ": " + problem; }
    }

    /** Null when {@code params} (an object; a missing params object reads as {}) fits; else the first violation. */
    public Violation check(JsonNode params) { return check(shape, params); }

    // instanceof chains rather than pattern switches: a type switch bootstraps an invokedynamic call site, which
    // costs a cold JVM milliseconds, and initialize (the first request of every client) comes through here
    private static Violation check(WireShape s, JsonNode v) {
        if (s instanceof WireShape.Scalar sc) return scalar(sc, v);
        if (s instanceof WireShape.Obj o) return v.isObject() ? fields(o, v) : mismatch(s, v);
        if (s instanceof WireShape.ArrayOf a) {
            if (!v.isArray()) return mismatch(s, v);
            for (int i = 0, n = v.size(); i < n; i++) {
                Violation x = element(a.items(), v.get(i));
                if (x != null) return x.at(i);
            }
            return null;
        }
        if (s instanceof WireShape.Union u) return union(u, v);
        if (s instanceof WireShape.EnumOf e) {
            if (!v.isTextual()) return mismatch(s, v);
            return e.values().contains(v.textValue()) ? null
                    : new Violation("expected one of " + quoted(e.values()) + "; got " + describe(v));
        }
        if (s instanceof WireShape.MapOf m) {
            if (!v.isObject()) return mismatch(s, v);
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) continue; // a null map value is allowed (an env entry that unsets)
                Violation x = check(m.values(), e.getValue());
                if (x != null) return x.at(e.getKey());
            }
            return null;
        }
        return null; // Opaque: any value
    }

    private static Violation element(WireShape items, JsonNode v) {
        if (v.isNull() && items != WireShape.Scalar.ANY) return new Violation("expected " + items.expected() + ", got null");
        return check(items, v);
    }

    private static Violation fields(WireShape.Obj o, JsonNode v) {
        for (WireShape.Field f : o.fields()) {
            JsonNode x = v.get(f.name());
            if (x == null) {
                if (f.required()) return new Violation("missing required field, expected " + f.shape().expected()).at(f.name());
                continue;
            }
            if (x.isNull()) {
                if (f.nullable()) continue; // an optional field: null means absent
                return new Violation("expected " + f.shape().expected() + ", got null").at(f.name());
            }
            Violation bad = check(f.shape(), x);
            if (bad != null) return bad.at(f.name());
        }
        return null;
    }

    private static Violation union(WireShape.Union u, JsonNode v) {
        if (!v.isObject()) return mismatch(u, v);
        JsonNode tag = v.get(u.tag());
        if (tag == null) return new Violation("missing required field, expected one of " + quoted(u.variants().keySet())).at(u.tag());
        if (!tag.isTextual()) return mismatch(WireShape.Scalar.STRING, tag).at(u.tag());
        WireShape.Obj variant = u.variants().get(tag.textValue());
        if (variant == null) {
            return new Violation("expected one of " + quoted(u.variants().keySet()) + "; got " + describe(tag)).at(u.tag());
        }
        return fields(variant, v);
    }

    private static Violation scalar(WireShape.Scalar s, JsonNode v) {
        boolean ok = switch (s) {
            case STRING -> v.isTextual();
            case BOOLEAN -> v.isBoolean();
            case NUMBER -> v.isNumber();
            case ANY -> true;
            case INT32 -> v.isIntegralNumber() && v.canConvertToInt();
            case INT64 -> v.isIntegralNumber() && v.canConvertToLong();
        };
        if (ok) return null;
        boolean integer = s == WireShape.Scalar.INT32 || s == WireShape.Scalar.INT64;
        if (integer && v.isIntegralNumber()) return new Violation("expected " + (s == WireShape.Scalar.INT32 ? "a 32-bit" : "a 64-bit")
                + " integer, got " + v.asText());
        return mismatch(s, v);
    }

    private static Violation mismatch(WireShape s, JsonNode v) {
        return new Violation("expected " + s.expected() + ", got " + describe(v));
    }

    /** The JSON type of a value, with the value itself when short: {@code number 5}, {@code string "yes"}, {@code object}. */
    public static String describe(JsonNode v) {
        return switch (v.getNodeType()) {
            case NULL -> "null";
            case BOOLEAN -> "boolean " + v.asText();
            case NUMBER -> "number " + v.asText();
            case STRING -> {
                String t = v.textValue();
                yield "string \"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
            }
            case ARRAY -> "array";
            case OBJECT -> "object";
            default -> v.getNodeType().toString().toLowerCase();
        };
    }

    private static String quoted(Iterable<String> values) {
        StringBuilder sb = new StringBuilder();
        for (String s : values) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append('"').append(s).append('"');
        }
        return sb.toString();
    }
}
