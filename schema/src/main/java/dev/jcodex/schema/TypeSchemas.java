package dev.jcodex.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON Schema definitions for the protocol's Java types, read the way Jackson writes them: records become
 * objects (component names, or their {@code @JsonProperty}), enums become string enums of their
 * {@code @JsonProperty} values, sealed interfaces with {@code @JsonTypeInfo} become {@code oneOf} unions whose
 * variants carry the tag as a {@code const}. Nullable is explicit (anyOf with null) so TypeScript sees
 * {@code T | null}; only {@code @JsonProperty(required = true)} fields of inputs are required, and every
 * field of an output is (the daemon always writes them, null or not).
 */
final class TypeSchemas {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Map<String, ObjectNode> definitions = new TreeMap<>();

    Map<String, ObjectNode> definitions() { return definitions; }

    /** A {@code $ref} to {@code type}'s definition, generating it (and what it uses) on first sight. */
    ObjectNode ref(Class<?> type) {
        String name = nameOf(type);
        if (!definitions.containsKey(name)) {
            definitions.put(name, F.objectNode()); // placeholder breaks recursion
            definitions.put(name, define(type));
        }
        return F.objectNode().put("$ref", "#/definitions/" + name);
    }

    static String nameOf(Class<?> c) {
        Class<?> outer = c.getEnclosingClass();
        if (outer == null || c.getSimpleName().startsWith(outer.getSimpleName())) return c.getSimpleName();
        return outer.getSimpleName() + c.getSimpleName();
    }

    private ObjectNode define(Class<?> c) {
        if (c.isEnum()) return enumSchema(c);
        if (valueMethod(c) != null) return F.objectNode().put("description", "any JSON value (" + c.getSimpleName() + ")");
        JsonTypeInfo info = c.getAnnotation(JsonTypeInfo.class);
        if (c.isInterface() && info != null) return union(c, info.property());
        if (c.isRecord()) return record(c, null, null);
        throw new IllegalArgumentException("no schema mapping for " + c.getName());
    }

    private ObjectNode union(Class<?> c, String tag) {
        ArrayNode variants = F.arrayNode();
        JsonSubTypes subs = c.getAnnotation(JsonSubTypes.class);
        Class<?>[] permitted = subs != null ? java.util.Arrays.stream(subs.value()).map(JsonSubTypes.Type::value)
                .toArray(Class<?>[]::new) : c.getPermittedSubclasses();
        for (Class<?> sub : permitted) {
            JsonTypeName tn = sub.getAnnotation(JsonTypeName.class);
            String tagValue = tn != null ? tn.value() : sub.getSimpleName();
            String name = nameOf(sub);
            if (!definitions.containsKey(name)) {
                definitions.put(name, F.objectNode());
                definitions.put(name, record(sub, tag, tagValue));
            }
            variants.add(F.objectNode().put("$ref", "#/definitions/" + name));
        }
        ObjectNode o = F.objectNode();
        o.set("oneOf", variants);
        return o;
    }

    private ObjectNode record(Class<?> c, String tag, String tagValue) {
        ObjectNode o = F.objectNode();
        o.put("type", "object");
        o.put("title", nameOf(c));
        ObjectNode props = o.putObject("properties");
        ArrayNode required = o.putArray("required");
        if (tag != null) {
            props.putObject(tag).put("type", "string").put("const", tagValue);
            required.add(tag);
        }
        boolean input = isInput(c);
        for (RecordComponent rc : c.getRecordComponents()) {
            JsonProperty jp = rc.getAnnotation(JsonProperty.class);
            String name = jp != null && !jp.value().isEmpty() ? jp.value() : rc.getName();
            boolean primitive = rc.getType().isPrimitive();
            boolean req = jp != null && jp.required();
            ObjectNode s = schemaOf(rc.getGenericType());
            props.set(name, primitive || req ? s : nullable(s));
            if (req || primitive && !input || !input) required.add(name);
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

    ObjectNode schemaOf(Type t) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode o = F.objectNode().put("type", "array");
                o.set("items", schemaOf(p.getActualTypeArguments()[0]));
                return o;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode o = F.objectNode().put("type", "object");
                o.set("additionalProperties", schemaOf(p.getActualTypeArguments()[1]));
                return o;
            }
            throw new IllegalArgumentException("unsupported generic type " + t);
        }
        Class<?> c = (Class<?>) t;
        if (c == String.class) return F.objectNode().put("type", "string");
        if (c == boolean.class || c == Boolean.class) return F.objectNode().put("type", "boolean");
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) return F.objectNode().put("type", "integer");
        if (c == double.class || c == Double.class || c == float.class) return F.objectNode().put("type", "number");
        if (c == Object.class || c == JsonNode.class) return F.objectNode();
        return ref(c);
    }

    private static ObjectNode enumSchema(Class<?> c) {
        ObjectNode o = F.objectNode().put("type", "string");
        ArrayNode values = o.putArray("enum");
        for (Object k : c.getEnumConstants()) {
            String name = ((Enum<?>) k).name();
            try {
                JsonProperty jp = c.getField(name).getAnnotation(JsonProperty.class);
                values.add(jp != null ? jp.value() : name);
            } catch (NoSuchFieldException e) {
                values.add(name);
            }
        }
        return o;
    }

    private static Method valueMethod(Class<?> c) {
        for (Method m : c.getDeclaredMethods()) if (m.isAnnotationPresent(JsonValue.class)) return m;
        return null;
    }
}
