package dev.jcodex.protocol.shape;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The type walk: the {@link WireShape} of a protocol type, read the way Jackson binds it. Records are objects
 * (component names, or their {@code @JsonProperty} value); enums are strings from their {@code @JsonProperty}
 * names; sealed interfaces with {@code @JsonTypeInfo} are unions tagged by that property; {@code @JsonValue}
 * types and {@code Object} are any value. Annotations are read from the accessor, where Java puts an
 * annotation written on a record component whose targets are FIELD/METHOD/PARAMETER (the component itself
 * does not carry it). Shapes are built once per type and shared.
 *
 * <p>Reading annotations costs a cold JVM tens of milliseconds (annotation parsing, proxy classes), too much
 * for {@code initialize}, the first request of every client. So {@link #of} takes the params types of
 * {@code ClientRequests} from {@link ParamShapes}, a table generated from this very walk
 * ({@code scripts/generate-protocol}; a test in {@code schema/} fails when it is stale), and walks by
 * reflection ({@link #reflect}) only what the table does not hold.
 */
public final class WireShapes {
    private static final Map<Class<?>, WireShape> MEMO = new HashMap<>();

    private WireShapes() {}

    /** The shape of {@code type} (a record, enum, tagged interface, scalar, List or Map of those). */
    public static WireShape of(Type type) {
        if (type instanceof Class<?> c) {
            WireShape g = GENERATED.get(c);
            if (g == null && (g = ParamShapes.of(c)) != null) {
                WireShape first = GENERATED.putIfAbsent(c, g);
                if (first != null) g = first;
            }
            if (g != null) return g;
        }
        return reflect(type);
    }

    private static final Map<Class<?>, WireShape> GENERATED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The shape read from the type by reflection (what {@link ParamShapes} is generated from). */
    public static synchronized WireShape reflect(Type type) { return shapeOf(type); }

    private static WireShape shapeOf(Type t) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) return new WireShape.ArrayOf(shapeOf(args[0]));
            if (Map.class.isAssignableFrom(raw)) return new WireShape.MapOf(shapeOf(args[1]));
            throw new IllegalArgumentException("no wire shape for generic type " + t);
        }
        if (!(t instanceof Class<?> c)) throw new IllegalArgumentException("no wire shape for " + t);
        if (c == String.class) return WireShape.Scalar.STRING;
        if (c == boolean.class || c == Boolean.class) return WireShape.Scalar.BOOLEAN;
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class) return WireShape.Scalar.INT32;
        if (c == long.class || c == Long.class) return WireShape.Scalar.INT64;
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) return WireShape.Scalar.NUMBER;
        if (c == Object.class || c.getName().equals("com.fasterxml.jackson.databind.JsonNode")) return WireShape.Scalar.ANY;
        WireShape known = MEMO.get(c);
        return known != null ? known : define(c);
    }

    private static WireShape define(Class<?> c) {
        if (c.isEnum()) return remember(c, new WireShape.EnumOf(c, enumValues(c)));
        if (valueMethod(c) != null) return remember(c, new WireShape.Opaque(c));
        JsonTypeInfo info = c.getAnnotation(JsonTypeInfo.class);
        if (c.isInterface() && info != null) return union(c, tagProperty(info));
        if (c.isRecord()) return record(c);
        throw new IllegalArgumentException("no wire shape for " + c.getName());
    }

    private static WireShape remember(Class<?> c, WireShape s) {
        MEMO.put(c, s);
        return s;
    }

    private static WireShape.Union union(Class<?> c, String tag) {
        WireShape.Union u = new WireShape.Union(c, tag);
        MEMO.put(c, u); // before the variants: they may refer back to the union
        Map<String, WireShape.Obj> variants = new LinkedHashMap<>();
        for (Class<?> sub : subtypes(c)) {
            WireShape s = shapeOf(sub);
            if (!(s instanceof WireShape.Obj o)) throw new IllegalArgumentException(sub.getName() + " is not a record");
            variants.put(o.tagValue(), o);
        }
        u.variants(variants);
        return u;
    }

    private static WireShape.Obj record(Class<?> c) {
        String tag = null, tagValue = null;
        for (Class<?> parent : c.getInterfaces()) {
            JsonTypeInfo info = parent.getAnnotation(JsonTypeInfo.class);
            if (info != null) {
                tag = tagProperty(info);
                tagValue = tagValue(parent, c);
                break;
            }
        }
        WireShape.Obj o = new WireShape.Obj(c, tag, tagValue);
        MEMO.put(c, o); // before the fields: a record may contain itself
        List<WireShape.Field> fields = new ArrayList<>();
        for (RecordComponent rc : c.getRecordComponents()) {
            JsonProperty jp = jsonProperty(c, rc);
            String name = jp != null && !jp.value().isEmpty() ? jp.value() : rc.getName();
            fields.add(new WireShape.Field(name, shapeOf(rc.getGenericType()), jp != null && jp.required(),
                    rc.getType().isPrimitive()));
        }
        o.fields(fields);
        return o;
    }

    private static JsonProperty jsonProperty(Class<?> c, RecordComponent rc) {
        JsonProperty jp = rc.getAccessor().getAnnotation(JsonProperty.class);
        if (jp != null) return jp;
        try {
            return c.getDeclaredField(rc.getName()).getAnnotation(JsonProperty.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static List<Class<?>> subtypes(Class<?> c) {
        JsonSubTypes subs = c.getAnnotation(JsonSubTypes.class);
        List<Class<?>> out = new ArrayList<>();
        if (subs != null) {
            for (JsonSubTypes.Type t : subs.value()) out.add(t.value());
        } else if (c.getPermittedSubclasses() != null) {
            out.addAll(List.of(c.getPermittedSubclasses()));
        }
        return out;
    }

    /** As Jackson names a subtype: {@code @JsonSubTypes.Type(name)}, else {@code @JsonTypeName}, else its simple name. */
    private static String tagValue(Class<?> parent, Class<?> sub) {
        JsonSubTypes subs = parent.getAnnotation(JsonSubTypes.class);
        if (subs != null) {
            for (JsonSubTypes.Type t : subs.value()) {
                if (t.value() == sub && !t.name().isEmpty()) return t.name();
            }
        }
        JsonTypeName tn = sub.getAnnotation(JsonTypeName.class);
        return tn != null && !tn.value().isEmpty() ? tn.value() : sub.getSimpleName();
    }

    private static String tagProperty(JsonTypeInfo info) {
        return info.property().isEmpty() ? info.use().getDefaultPropertyName() : info.property();
    }

    private static List<String> enumValues(Class<?> c) {
        List<String> values = new ArrayList<>();
        for (Object k : c.getEnumConstants()) {
            String name = ((Enum<?>) k).name();
            values.add(wireName(field(c, name), name));
        }
        return List.copyOf(values);
    }

    private static AnnotatedElement field(Class<?> c, String name) {
        try {
            return c.getField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static String wireName(AnnotatedElement e, String fallback) {
        JsonProperty jp = e == null ? null : e.getAnnotation(JsonProperty.class);
        return jp != null && !jp.value().isEmpty() ? jp.value() : fallback;
    }

    private static Method valueMethod(Class<?> c) {
        for (Method m : c.getDeclaredMethods()) if (m.isAnnotationPresent(JsonValue.class)) return m;
        return null;
    }
}
