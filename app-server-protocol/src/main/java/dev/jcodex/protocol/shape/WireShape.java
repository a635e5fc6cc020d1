package dev.jcodex.protocol.shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a wire type, read from the Java types the way Jackson binds them (see {@link WireShapes}).
 * One description serves both the generated JSON Schema and the daemon's check of every request's params,
 * so what the schema promises and what the daemon accepts cannot drift apart.
 */
public sealed interface WireShape {
    /** The JSON type a value must have, as messages name it ("string", "integer", "object", …). */
    String expected();

    /** Leaf values; {@code ANY} is any JSON value ({@code Object}). */
    enum Scalar implements WireShape {
        STRING("string"), BOOLEAN("boolean"), INT32("integer"), INT64("integer"), NUMBER("number"), ANY("any value");

        private final String expected;

        Scalar(String expected) { this.expected = expected; }

        @Override
        public String expected() { return expected; }
    }

    /** A string from a fixed set (a Java enum; values are the {@code @JsonProperty} names). */
    record EnumOf(Class<?> type, List<String> values) implements WireShape {
        @Override
        public String expected() { return "string"; }
    }

    /** A type that writes itself as an arbitrary value ({@code @JsonValue}). */
    record Opaque(Class<?> type) implements WireShape {
        @Override
        public String expected() { return "any value"; }
    }

    record ArrayOf(WireShape items) implements WireShape {
        @Override
        public String expected() { return "array"; }
    }

    /** A JSON object used as a map (string keys); a null value is allowed (e.g. an env entry that unsets). */
    record MapOf(WireShape values) implements WireShape {
        @Override
        public String expected() { return "object"; }
    }

    /**
     * One record field. {@code required}: {@code @JsonProperty(required = true)}: present and not null.
     * {@code primitive}: a Java primitive, so it may be omitted (it reads as 0/false) but never null.
     * Any other field is optional and null means absent.
     */
    record Field(String name, WireShape shape, boolean required, boolean primitive) {
        public boolean nullable() { return !required && !primitive; }
    }

    /**
     * A record. {@code tag}/{@code tagValue}: the discriminator of the union it belongs to, or null. Fields are
     * filled once, right after construction (types may refer to themselves).
     */
    final class Obj implements WireShape {
        private final Class<?> type;
        private final String tag;
        private final String tagValue;
        private List<Field> fields = List.of();

        Obj(Class<?> type, String tag, String tagValue) {
            this.type = type;
            this.tag = tag;
            this.tagValue = tagValue;
        }

        public Class<?> type() { return type; }
        public String tag() { return tag; }
        public String tagValue() { return tagValue; }
        public List<Field> fields() { return fields; }

        void fields(List<Field> f) { fields = Collections.unmodifiableList(new ArrayList<>(f)); }

        @Override
        public String expected() { return "object"; }

        @Override
        public String toString() { return "Obj[" + type.getSimpleName() + ", " + fields + "]"; }
    }

    /** A sealed interface with {@code @JsonTypeInfo}: an object whose {@code tag} names its variant. */
    final class Union implements WireShape {
        private final Class<?> type;
        private final String tag;
        private Map<String, Obj> variants = Map.of();

        Union(Class<?> type, String tag) {
            this.type = type;
            this.tag = tag;
        }

        public Class<?> type() { return type; }
        public String tag() { return tag; }
        /** Tag value → variant, in declaration order. */
        public Map<String, Obj> variants() { return variants; }

        void variants(Map<String, Obj> v) { variants = Collections.unmodifiableMap(new LinkedHashMap<>(v)); }

        @Override
        public String expected() { return "object"; }

        @Override
        public String toString() { return "Union[" + type.getSimpleName() + ", " + variants.keySet() + "]"; }
    }
}
