package dev.jcodex.core.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the keys the engine reads. An invalid value is a {@link ConfigError} naming the key, the file and
 * line, the value found and what is accepted: running on the default instead could be less careful than the
 * user asked (an approval policy misspelt as "untrustd" would otherwise run as on-request), so, as in Codex,
 * nothing runs until it is fixed. The value is also dropped from the tree, for the callers that only
 * inspect a broken config. Legacy approval names map to the policy they meant, never to a looser one.
 * Keys it does not know are kept untouched (they are reported by {@link KnownKeys}).
 */
final class ConfigValidator {
    private ConfigValidator() {}

    private static final Set<String> APPROVAL = Set.of("untrusted", "on-failure", "on-request", "never");
    /**
     * Pre-0.2 and seed names of "ask before anything that is not known to be safe": all read as untrusted, the
     * strictest policy that still runs. {@code full-auto} and {@code permissive} (run without asking) are not
     * mapped: they are refused with the valid values, so a stale name never silently widens what runs.
     */
    private static final Map<String, String> LEGACY_APPROVAL = Map.of(
            "unless-allow-listed", "untrusted", "suggest", "untrusted", "auto-edit", "untrusted");
    private static final Set<String> SANDBOX = Set.of("read-only", "workspace-write", "danger-full-access");
    private static final Set<String> SUMMARY = Set.of("auto", "concise", "detailed", "none");
    private static final Set<String> VERBOSITY = Set.of("low", "medium", "high");
    private static final Set<String> WIRE = Set.of("responses", "chat", "offline");

    /**
     * Validates {@code tree} in place; {@code originOf} says where a key's value came from (may return null).
     * Invalid values go to {@code errors}, reinterpreted ones to {@code warnings}.
     */
    static void validate(Map<String, Object> tree, Function<String, ConfigLocation> originOf, String selectedProfile,
                         List<ConfigWarning> warnings, List<ConfigError> errors) {
        V v = new V(tree, originOf, errors);
        approval(tree, "approval_policy", originOf, warnings);
        if (tree.get("profiles") instanceof Map<?, ?> profiles) {
            for (Object name : profiles.keySet()) {
                // the selected profile is merged into the top level and checked there
                if (name.toString().equals(selectedProfile)) continue;
                approval(tree, "profiles." + TomlEditor.key(name.toString()) + ".approval_policy", originOf, warnings);
                v.oneOf("profiles." + TomlEditor.key(name.toString()) + ".approval_policy", APPROVAL, true);
                v.oneOf("profiles." + TomlEditor.key(name.toString()) + ".sandbox_mode", SANDBOX, false);
            }
        }
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
        // an unknown value here would otherwise read as the more permissive one (save the prompts; trust nothing
        // is the safe side, but a typo in "trusted" must say so rather than silently skip the project config)
        v.oneOf("history.persistence", Set.of("save-all", "none"), false);
        if (tree.get("projects") instanceof Map<?, ?> projects) {
            for (Object dir : projects.keySet()) {
                if (ConfigTree.get(tree, "projects." + TomlEditor.key(dir.toString())) instanceof Map) {
                    v.oneOf("projects." + TomlEditor.key(dir.toString()) + ".trust_level", Set.of("trusted", "untrusted"), false);
                }
            }
        }
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
    }

    /** Rewrites a legacy approval name to what it meant, with a warning that says what to write instead. */
    @SuppressWarnings("unchecked")
    private static void approval(Map<String, Object> tree, String key, Function<String, ConfigLocation> originOf,
                                 List<ConfigWarning> warnings) {
        if (!(ConfigTree.get(tree, key) instanceof String legacy) || !LEGACY_APPROVAL.containsKey(legacy)) return;
        String now = LEGACY_APPROVAL.get(legacy);
        ConfigTree.setPath(tree, key, now);
        ConfigLocation where = originOf.apply(key);
        warnings.add(ConfigWarning.at("`" + key + " = \"" + legacy + "\"` is a legacy name; it is read as \"" + now
                        + "\" (ask before running anything not known to be safe). Write " + key + " = \"" + now + "\".",
                (where == null ? "config" : where.toString()) + ": legacy approval policy `" + legacy + "` read as `" + now + "`",
                where));
    }

    private record V(Map<String, Object> tree, Function<String, ConfigLocation> originOf, List<ConfigError> out) {
        void oneOf(String key, Set<String> allowed, boolean tableAllowed) {
            Object val = ConfigTree.get(tree, key);
            if (val == null || (tableAllowed && val instanceof Map)) return;
            if (!(val instanceof String s) || !allowed.contains(s)) {
                String more = val instanceof String s && (s.equals("full-auto") || s.equals("permissive"))
                        ? " (a legacy name for running commands without asking: write \"on-request\" or \"never\" if "
                          + "that is what you want)" : "";
                drop(key, "expected one of " + String.join(", ", allowed.stream().sorted().toList()) + "; found "
                        + describe(val) + more);
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
            out.add(new ConfigError("invalid value for `" + key + "`: " + reason, originOf.apply(key)));
        }

        static String describe(Object v) {
            if (v instanceof String s) return "\"" + s + "\"";
            if (v instanceof Map) return "a table";
            if (v instanceof List) return "an array";
            return String.valueOf(v);
        }
    }
}
