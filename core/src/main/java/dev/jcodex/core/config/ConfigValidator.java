package dev.jcodex.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the keys the engine reads. An invalid value becomes a warning naming the key and the reason, and
 * is dropped so the default applies; a bad value never stops the daemon. Keys it does not know are kept
 * untouched (they may belong to a newer Codex).
 */
final class ConfigValidator {
    private ConfigValidator() {}

    private static final Set<String> APPROVAL = Set.of("untrusted", "on-failure", "on-request", "never");
    private static final Set<String> SANDBOX = Set.of("read-only", "workspace-write", "danger-full-access");
    private static final Set<String> SUMMARY = Set.of("auto", "concise", "detailed", "none");
    private static final Set<String> VERBOSITY = Set.of("low", "medium", "high");
    private static final Set<String> WIRE = Set.of("responses", "chat", "offline");

    /** Validates {@code tree} in place; {@code originOf} names the file a key came from (may return null). */
    static List<ConfigWarning> validate(Map<String, Object> tree, Function<String, Path> originOf) {
        List<ConfigWarning> out = new ArrayList<>();
        V v = new V(tree, originOf, out);
        v.oneOf("approval_policy", APPROVAL, true);
        v.oneOf("sandbox_mode", SANDBOX, false);
        v.oneOf("model_reasoning_summary", SUMMARY, false);
        v.oneOf("model_verbosity", VERBOSITY, false);
        for (String k : List.of("model", "model_provider", "model_reasoning_effort", "profile", "instructions",
                "developer_instructions", "base_instructions", "compact_prompt", "model_instructions_file", "openai_base_url")) {
            v.string(k);
        }
        for (String k : List.of("model_context_window", "model_auto_compact_token_limit", "project_doc_max_bytes",
                "tool_output_token_limit", "thread_unload_delay_secs")) {
            v.nonNegative(k);
        }
        v.strings("notify");
        v.strings("project_doc_fallback_filenames");
        v.strings("project_root_markers");
        v.bool("sandbox_workspace_write.network_access");
        v.strings("sandbox_workspace_write.writable_roots");
        v.bool("hide_agent_reasoning");
        v.bool("show_raw_agent_reasoning");
        if (tree.get("model_providers") instanceof Map<?, ?> providers) {
            for (Object id : providers.keySet()) {
                String p = "model_providers." + TomlEditor.key(id.toString());
                if (!(ConfigTree.get(tree, p) instanceof Map)) {
                    v.drop(p, "expected a table");
                    continue;
                }
                v.oneOf(p + ".wire_api", WIRE, false);
                v.string(p + ".base_url");
                v.string(p + ".env_key");
                v.string(p + ".name");
                v.nonNegative(p + ".request_max_retries");
                v.nonNegative(p + ".stream_max_retries");
                v.nonNegative(p + ".stream_idle_timeout_ms");
                v.bool(p + ".requires_openai_auth");
                v.stringMap(p + ".http_headers");
                v.stringMap(p + ".env_http_headers");
                v.stringMap(p + ".query_params");
            }
        }
        return out;
    }

    private record V(Map<String, Object> tree, Function<String, Path> originOf, List<ConfigWarning> out) {
        void oneOf(String key, Set<String> allowed, boolean tableAllowed) {
            Object val = ConfigTree.get(tree, key);
            if (val == null || (tableAllowed && val instanceof Map)) return;
            if (!(val instanceof String s) || !allowed.contains(s)) {
                drop(key, "expected one of " + String.join(", ", allowed.stream().sorted().toList()) + "; found "
                        + describe(val));
            }
        }

        void string(String key) {
            Object val = ConfigTree.get(tree, key);
            if (val != null && !(val instanceof String)) drop(key, "expected a string; found " + describe(val));
        }

        void bool(String key) {
            Object val = ConfigTree.get(tree, key);
            if (val != null && !(val instanceof Boolean)) drop(key, "expected true or false; found " + describe(val));
        }

        void nonNegative(String key) {
            Object val = ConfigTree.get(tree, key);
            if (val == null) return;
            if (!(val instanceof Long || val instanceof Integer) || ((Number) val).longValue() < 0) {
                drop(key, "expected a non-negative integer; found " + describe(val));
            }
        }

        void strings(String key) {
            Object val = ConfigTree.get(tree, key);
            if (val == null) return;
            if (!(val instanceof List<?> l) || l.stream().anyMatch(o -> !(o instanceof String))) {
                drop(key, "expected an array of strings; found " + describe(val));
            }
        }

        void stringMap(String key) {
            Object val = ConfigTree.get(tree, key);
            if (val == null) return;
            if (!(val instanceof Map<?, ?> m) || m.values().stream().anyMatch(o -> !(o instanceof String))) {
                drop(key, "expected a table of strings; found " + describe(val));
            }
        }

        @SuppressWarnings("unchecked")
        void drop(String key, String reason) {
            List<String> parts = ConfigTree.splitKey(key);
            Object parent = parts.size() == 1 ? tree
                    : ConfigTree.get(tree, TomlEditor.dotted(parts.subList(0, parts.size() - 1)));
            if (parent instanceof Map<?, ?> m) ((Map<String, Object>) m).remove(parts.getLast());
            Path file = originOf.apply(key);
            out.add(new ConfigWarning("Invalid value for `" + key + "` in " + (file == null ? "config" : file.toString())
                    + "; it is ignored.", key + ": " + reason, file));
        }

        static String describe(Object v) {
            if (v instanceof String s) return "\"" + s + "\"";
            if (v instanceof Map) return "a table";
            if (v instanceof List) return "an array";
            return String.valueOf(v);
        }
    }
}
