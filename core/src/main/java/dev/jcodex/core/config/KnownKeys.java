package dev.jcodex.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The config keys Codex 0.171 accepts (measured against its {@code --strict-config}) plus the few jcodex adds,
 * for the tables whose keys are fixed: the top level (and {@code [profiles.*]}, which jcodex overlays on it),
 * {@code [model_providers.*]}, {@code [mcp_servers.*]}, {@code [sandbox_workspace_write]} and
 * {@code [projects.*]}. Any other key in those tables is ignored by the engine, so it is reported with where
 * it is and, for a near miss, what was probably meant. Tables not listed here (tui, features, otel, ...)
 * are passed through unchecked.
 */
final class KnownKeys {
    private KnownKeys() {}

    static final Set<String> TOP = Set.of(
            "agents", "allow_login_shell", "allow_symlinked_codex_home", "analytics", "approval_policy",
            "approvals_reviewer", "apps", "apps_mcp_product_sku", "audio", "auto_review",
            "background_terminal_max_timeout", "browser_use", "chatgpt_base_url", "check_for_update_on_startup",
            "cli_auth_credentials_store", "cloud", "code_mode", "compact_prompt", "computer_use", "default_permissions",
            "desktop", "developer_instructions", "disable_paste_burst", "experimental_compact_prompt_file",
            "experimental_realtime_start_instructions", "experimental_realtime_webrtc_call_base_url",
            "experimental_realtime_ws_backend_prompt", "experimental_realtime_ws_base_url",
            "experimental_realtime_ws_model", "experimental_realtime_ws_startup_context", "experimental_thread_store",
            "experimental_thread_store_endpoint", "experimental_use_unified_exec_tool", "features", "feedback",
            "file_opener", "forced_chatgpt_workspace_id", "forced_login_method", "ghost_snapshot", "goals",
            "hide_agent_reasoning", "history", "hooks", "include_apps_instructions",
            "include_collaboration_mode_instructions", "include_environment_context", "instructions",
            "js_repl_node_module_dirs", "js_repl_node_path", "log_dir", "marketplaces", "mcp_enterprise_managed_auth",
            "mcp_oauth_callback_port", "mcp_oauth_callback_url", "mcp_oauth_credentials_store",
            "mcp_optional_startup_grace_ms", "mcp_servers", "memories", "model", "model_auto_compact_token_limit",
            "model_auto_compact_token_limit_scope", "model_catalog_json", "model_context_window",
            "model_instructions_file", "model_post_turn_compact_threshold_percent", "model_provider", "model_providers",
            "model_reasoning_effort", "model_reasoning_summary", "model_verbosity", "notice", "notify",
            "openai_base_url", "orchestrator", "oss_provider", "otel", "permissions", "personality",
            "plan_mode_reasoning_effort", "plugins", "profile", "profiles", "project_doc_fallback_filenames",
            "project_doc_max_bytes", "project_root_markers", "projects", "realtime", "responses",
            "responses_api_metadata", "review_model", "rollout_trace", "sandbox_mode", "sandbox_workspace_write",
            "service_tier", "shell_environment_policy", "show_raw_agent_reasoning", "skills", "sqlite_home",
            "suppress_unstable_features_warning", "thread_unload_delay_secs", "tool_output_token_limit", "tool_suggest",
            "tools", "tui", "web_search", "windows",
            // jcodex: the thread's base instructions (thread/start's baseInstructions as a config key)
            "base_instructions");

    static final Set<String> PROVIDER = Set.of(
            "name", "base_url", "env_key", "env_key_instructions", "experimental_bearer_token", "gateway_oauth", "aws",
            "wire_api", "query_params", "http_headers", "env_http_headers", "request_max_retries", "stream_max_retries",
            "stream_idle_timeout_ms", "websocket_connect_timeout_ms", "requires_openai_auth", "supports_websockets",
            "supports_standalone_web_search", "model_catalog_url", "auth",
            // jcodex: the scripted offline model's script file (wire_api = "offline")
            "script");

    static final Set<String> MCP_SERVER = Set.of(
            "command", "args", "env", "env_vars", "cwd", "url", "bearer_token_env_var", "bearer_token", "http_headers",
            "env_http_headers", "startup_timeout_sec", "startup_timeout_ms", "tool_timeout_sec", "enabled",
            "enabled_tools", "disabled_tools", "required", "oauth", "scopes", "oauth_resource", "tools", "name",
            "supports_parallel_tool_calls", "default_tools_approval_mode");

    static final Set<String> SANDBOX_WORKSPACE_WRITE = Set.of("writable_roots", "network_access",
            "exclude_tmpdir_env_var", "exclude_slash_tmp");

    static final Set<String> PROJECT = Set.of("trust_level");

    /** Keys older Codex versions (and the seed) read, with what to write today. */
    static final Map<String, String> RETIRED = Map.of(
            "sandbox_permissions", "it was removed from Codex; use sandbox_mode = \"read-only\" | \"workspace-write\" | "
                    + "\"danger-full-access\" and [sandbox_workspace_write] writable_roots / network_access",
            "disable_response_storage", "it was removed from Codex; jcodex never asks the provider to store responses "
                    + "(every request is sent with store: false), so there is nothing to disable",
            "experimental_instructions_file", "renamed: use model_instructions_file",
            "model_supports_reasoning_summaries", "it was removed from Codex; jcodex sends model_reasoning_summary "
                    + "to every model");

    /** One key the engine will not read. */
    record Unknown(List<String> path, String hint) {
        String dotted() { return TomlEditor.dotted(path); }
    }

    /** Every unknown key in one layer's tree, in document order. */
    static List<Unknown> find(Map<String, Object> tree) {
        List<Unknown> out = new ArrayList<>();
        check(tree, List.of(), TOP, "the top level", out);
        eachTable(tree, "profiles", (name, t) -> check(t, List.of("profiles", name), TOP, "[profiles." + name + "]", out));
        eachTable(tree, "model_providers", (name, t) -> check(t, List.of("model_providers", name), PROVIDER,
                "[model_providers." + name + "]", out));
        eachTable(tree, "mcp_servers", (name, t) -> check(t, List.of("mcp_servers", name), MCP_SERVER,
                "[mcp_servers." + name + "]", out));
        eachTable(tree, "projects", (name, t) -> check(t, List.of("projects", name), PROJECT, "[projects.\"" + name + "\"]", out));
        if (tree.get("sandbox_workspace_write") instanceof Map<?, ?> sww) {
            check(cast(sww), List.of("sandbox_workspace_write"), SANDBOX_WORKSPACE_WRITE, "[sandbox_workspace_write]", out);
        }
        return out;
    }

    private static void eachTable(Map<String, Object> tree, String key, BiConsumer<String, Map<String, Object>> f) {
        if (tree.get(key) instanceof Map<?, ?> all) {
            for (Map.Entry<?, ?> e : all.entrySet()) if (e.getValue() instanceof Map<?, ?> t) f.accept(e.getKey().toString(), cast(t));
        }
    }

    private static void check(Map<String, Object> table, List<String> prefix, Set<String> known, String where,
                              List<Unknown> out) {
        for (String k : table.keySet()) {
            if (known.contains(k)) continue;
            List<String> path = new ArrayList<>(prefix);
            path.add(k);
            out.add(new Unknown(path, hint(k, known, prefix, where)));
        }
    }

    /** What the user probably meant, or null. */
    static String hint(String key, Set<String> known, List<String> prefix, String where) {
        String retired = RETIRED.get(key);
        if (retired != null) return retired;
        String norm = normalize(key);
        if (!norm.equals(key) && known.contains(norm)) return "did you mean `" + norm + "`?";
        String near = nearest(key, known);
        if (near != null) return "did you mean `" + near + "`?";
        boolean nested = !prefix.isEmpty() && !prefix.getFirst().equals("profiles");
        if (nested && TOP.contains(key)) {
            return "`" + key + "` is a top-level setting, not part of " + where + "; keys written after a [table] "
                    + "header belong to that table, so move it above the first [table]";
        }
        if (!nested) {
            if (PROVIDER.contains(key)) return "`" + key + "` belongs in a [model_providers.NAME] table";
            if (MCP_SERVER.contains(key)) return "`" + key + "` belongs in an [mcp_servers.NAME] table";
            if (SANDBOX_WORKSPACE_WRITE.contains(key)) return "`" + key + "` belongs in [sandbox_workspace_write]";
        }
        return null;
    }

    /** camelCase and kebab-case to snake_case: {@code mcpServers} → {@code mcp_servers}. */
    static String normalize(String key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && sb.charAt(sb.length() - 1) != '_') sb.append('_');
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c == '-' ? '_' : c);
            }
        }
        return sb.toString();
    }

    /** The known key within a small edit distance (one edit per four characters, at most 3), or null. */
    static String nearest(String key, Set<String> known) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        int limit = Math.min(3, Math.max(1, key.length() / 4));
        for (String k : known) {
            int d = distance(key.toLowerCase(), k);
            if (d <= limit && (d < bestD || (d == bestD && k.compareTo(best) < 0))) {
                best = k;
                bestD = d;
            }
        }
        return best;
    }

    /** Damerau-Levenshtein (optimal string alignment): a swap of two letters counts as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) { return (Map<String, Object>) m; }
}
