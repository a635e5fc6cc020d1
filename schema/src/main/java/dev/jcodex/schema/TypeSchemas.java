package dev.jcodex.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.protocol.shape.WireShape;
import dev.jcodex.protocol.shape.WireShapes;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON Schema definitions for the protocol's Java types, rendered from their {@link WireShape} (the same type
 * walk the daemon validates params with): records become objects, enums string enums, tagged sealed
 * interfaces {@code oneOf} unions whose variants carry the tag as a {@code const}. Nullable is explicit (anyOf
 * with null) so TypeScript sees {@code T | null}; only {@code @JsonProperty(required = true)} fields of inputs
 * are required (and never null), and every field of an output is (the daemon always writes them, null or not).
 */
final class TypeSchemas {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Map<String, ObjectNode> definitions = new TreeMap<>();

    Map<String, ObjectNode> definitions() { return definitions; }

    /** A {@code $ref} to {@code type}'s definition, generating it (and what it uses) on first sight. */
    ObjectNode ref(Class<?> type) { return schemaOf(WireShapes.reflect(type)); } // the walk itself, never the generated table

    static String nameOf(Class<?> c) {
        Class<?> outer = c.getEnclosingClass();
        if (outer == null || c.getSimpleName().startsWith(outer.getSimpleName())) return c.getSimpleName();
        return outer.getSimpleName() + c.getSimpleName();
    }

    private ObjectNode schemaOf(WireShape s) {
        return switch (s) {
            case WireShape.Scalar sc -> switch (sc) {
                case STRING -> F.objectNode().put("type", "string");
                case BOOLEAN -> F.objectNode().put("type", "boolean");
                case INT32, INT64 -> F.objectNode().put("type", "integer");
                case NUMBER -> F.objectNode().put("type", "number");
                case ANY -> F.objectNode();
            };
            case WireShape.ArrayOf a -> {
                ObjectNode o = F.objectNode().put("type", "array");
                o.set("items", schemaOf(a.items()));
                yield o;
            }
            case WireShape.MapOf m -> {
                ObjectNode o = F.objectNode().put("type", "object");
                o.set("additionalProperties", schemaOf(m.values()));
                yield o;
            }
            case WireShape.EnumOf e -> named(e.type(), () -> enumSchema(e));
            case WireShape.Opaque v -> named(v.type(), () -> F.objectNode()
                    .put("description", "any JSON value (" + v.type().getSimpleName() + ")"));
            case WireShape.Union u -> named(u.type(), () -> union(u));
            case WireShape.Obj o -> named(o.type(), () -> record(o));
        };
    }

    private ObjectNode named(Class<?> type, java.util.function.Supplier<ObjectNode> define) {
        String name = nameOf(type);
        if (!definitions.containsKey(name)) {
            definitions.put(name, F.objectNode()); // placeholder breaks recursion
            definitions.put(name, define.get());
        }
        return F.objectNode().put("$ref", "#/definitions/" + name);
    }

    private ObjectNode union(WireShape.Union u) {
        ArrayNode variants = F.arrayNode();
        for (WireShape.Obj v : u.variants().values()) variants.add(schemaOf(v));
        ObjectNode o = F.objectNode();
        o.set("oneOf", variants);
        return o;
    }

    private ObjectNode record(WireShape.Obj r) {
        ObjectNode o = F.objectNode();
        o.put("type", "object");
        o.put("title", nameOf(r.type()));
        ObjectNode props = o.putObject("properties");
        ArrayNode required = o.putArray("required");
        if (r.tag() != null) {
            props.putObject(r.tag()).put("type", "string").put("const", r.tagValue());
            required.add(r.tag());
        }
        boolean input = isInput(r.type());
        for (WireShape.Field f : r.fields()) {
            ObjectNode s = schemaOf(f.shape());
            props.set(f.name(), f.nullable() ? nullable(s) : s);
            if (f.required() || !input) required.add(f.name());
        }
        if (required.isEmpty()) o.remove("required");
        return o;
    }

    /** Params records are inputs: optional fields may be omitted by clients. */
    private static boolean isInput(Class<?> c) {
        String n = c.getSimpleName();
        Class<?> outer = c.getEnclosingClass();
        return n.endsWith("Params") || n.equals("ClientInfo") || n.equals("InitializeCapabilities")
                || (outer != null && outer.getSimpleName().equals("UserInput"))
                || n.equals("ApprovalDecisionResponse");
    }

    private static ObjectNode nullable(ObjectNode s) {
        ObjectNode o = F.objectNode();
        o.putArray("anyOf").add(s).add(F.objectNode().put("type", "null"));
        return o;
    }

    private static ObjectNode enumSchema(WireShape.EnumOf e) {
        ObjectNode o = F.objectNode().put("type", "string");
        ArrayNode values = o.putArray("enum");
        e.values().forEach(values::add);
        return o;
    }
}
