package dev.jcodex.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * A config layer as plain nested maps (String → String/Long/Double/Boolean/List/Map), so layers from TOML
 * files, {@code -c} flags and JSON overrides merge the same way.
 */
public final class ConfigTree {
    private ConfigTree() {}

    public static Map<String, Object> fromToml(TomlTable table) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : table.keySet()) out.put(key, convert(table.get(List.of(key))));
        return out;
    }

    private static Object convert(Object v) {
        if (v instanceof TomlTable t) return fromToml(t);
        if (v instanceof TomlArray a) {
            List<Object> list = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) list.add(convert(a.get(i)));
            return list;
        }
        if (v instanceof java.time.temporal.TemporalAccessor) return v.toString();
        return v;
    }

    /** Parses the value half of {@code -c key=value} as TOML; a bare word that is not TOML is a string. */
    public static Object parseOverrideValue(String raw) {
        TomlParseResult r = Toml.parse("v = " + raw);
        if (!r.hasErrors() && r.contains("v")) return convert(r.get("v"));
        return raw;
    }

    /** Sets {@code a.b.c} in a nested map, creating tables on the way (a quoted segment may hold dots). */
    @SuppressWarnings("unchecked")
    public static void setPath(Map<String, Object> root, String dottedKey, Object value) {
        List<String> parts = splitKey(dottedKey);
        Map<String, Object> cur = root;
        for (int i = 0; i < parts.size() - 1; i++) {
            Object next = cur.get(parts.get(i));
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                cur.put(parts.get(i), next);
            }
            cur = (Map<String, Object>) next;
        }
        cur.put(parts.getLast(), value);
    }

    public static List<String> splitKey(String dottedKey) {
        List<String> parts = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (char c : dottedKey.toCharArray()) {
            if (c == '"') quoted = !quoted;
            else if (c == '.' && !quoted) { parts.add(sb.toString().trim()); sb.setLength(0); }
            else sb.append(c);
        }
        parts.add(sb.toString().trim());
        return parts;
    }

    /** Deep merge: tables merge key by key, anything else in {@code top} replaces what {@code base} had. */
    @SuppressWarnings("unchecked")
    public static void mergeInto(Map<String, Object> base, Map<String, Object> top) {
        for (Map.Entry<String, Object> e : top.entrySet()) {
            Object old = base.get(e.getKey());
            if (old instanceof Map && e.getValue() instanceof Map) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) old);
                mergeInto(copy, (Map<String, Object>) e.getValue());
                base.put(e.getKey(), copy);
            } else {
                base.put(e.getKey(), e.getValue());
            }
        }
    }

    @SuppressWarnings("unchecked")
    public static Object get(Map<String, Object> root, String dottedKey) {
        Object cur = root;
        for (String p : splitKey(dottedKey)) {
            if (!(cur instanceof Map)) return null;
            cur = ((Map<String, Object>) cur).get(p);
        }
        return cur;
    }

    /** A copy whose nested tables and arrays are copies too (layers share nothing with the merged tree). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, copyValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) return deepCopy((Map<String, Object>) m);
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(copyValue(o));
            return out;
        }
        return v;
    }

    /** Every leaf (non-table value) as a dotted key, in document order. Empty tables count as leaves. */
    @SuppressWarnings("unchecked")
    public static void leaves(Map<String, Object> m, String prefix, java.util.function.BiConsumer<String, Object> f) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String k = (prefix.isEmpty() ? "" : prefix + ".") + TomlEditor.key(e.getKey());
            if (e.getValue() instanceof Map<?, ?> sub && !sub.isEmpty()) leaves((Map<String, Object>) sub, k, f);
            else f.accept(k, e.getValue());
        }
    }
}
