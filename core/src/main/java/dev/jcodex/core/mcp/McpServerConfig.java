package dev.jcodex.core.mcp;

import dev.jcodex.core.config.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code [mcp_servers.<name>]} table. Exactly one transport: stdio ({@code command}, {@code args},
 * {@code env}, {@code env_vars}, {@code cwd}) or streamable HTTP ({@code url}, {@code bearer_token_env_var},
 * {@code http_headers}). A table that is neither (or both) still yields a config whose {@code problem}
 * says why, so it is reported as a failed startup instead of breaking the thread.
 */
public record McpServerConfig(String name, Transport transport, Duration startupTimeout, Duration toolTimeout,
                              boolean enabled, List<String> enabledTools, List<String> disabledTools, String problem) {

    public sealed interface Transport {}

    /** {@code envVars}: names of the daemon's variables to pass through ({@code env_vars}); {@code env} is set as given. */
    public record Stdio(String command, List<String> args, Map<String, String> env, List<String> envVars, String cwd)
            implements Transport {}

    public record Http(String url, String bearerTokenEnvVar, Map<String, String> headers) implements Transport {}

    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TOOL_TIMEOUT = Duration.ofSeconds(60);

    /** True when a tool of this server may be offered (enabled_tools is an allow list, disabled_tools wins). */
    public boolean allows(String tool) {
        if (enabledTools != null && !enabledTools.contains(tool)) return false;
        return disabledTools == null || !disabledTools.contains(tool);
    }

    /** Whether the config names any MCP server at all (cheap: no MCP class beyond this one is loaded). */
    public static boolean anyConfigured(Config config) {
        return config.get("mcp_servers") instanceof Map<?, ?> m && !m.isEmpty();
    }

    public static List<McpServerConfig> fromConfig(Config config) {
        List<McpServerConfig> out = new ArrayList<>();
        if (!(config.get("mcp_servers") instanceof Map<?, ?> all)) return out;
        for (Map.Entry<?, ?> e : all.entrySet()) {
            String name = e.getKey().toString();
            if (e.getValue() instanceof Map<?, ?> table) out.add(parse(name, table));
            else out.add(new McpServerConfig(name, null, DEFAULT_STARTUP_TIMEOUT, DEFAULT_TOOL_TIMEOUT, true, null, null,
                    "mcp_servers." + name + " must be a table"));
        }
        return out;
    }

    static McpServerConfig parse(String name, Map<?, ?> t) {
        Duration startup = seconds(t.get("startup_timeout_sec"), null);
        if (startup == null && t.get("startup_timeout_ms") instanceof Number ms) startup = Duration.ofMillis(ms.longValue());
        if (startup == null) startup = DEFAULT_STARTUP_TIMEOUT;
        Duration tool = seconds(t.get("tool_timeout_sec"), DEFAULT_TOOL_TIMEOUT);
        boolean enabled = !(t.get("enabled") instanceof Boolean b) || b;
        List<String> allow = t.containsKey("enabled_tools") ? strings(t.get("enabled_tools")) : null;
        List<String> deny = t.containsKey("disabled_tools") ? strings(t.get("disabled_tools")) : null;
        Object command = t.get("command");
        Object url = t.get("url");
        Transport transport = null;
        String problem = null;
        if (command != null && url != null) {
            problem = "mcp_servers." + name + ": set either `command` (stdio) or `url` (streamable HTTP), not both";
        } else if (command != null) {
            transport = new Stdio(command.toString(), strings(t.get("args")), stringMap(t.get("env")), strings(t.get("env_vars")),
                    t.get("cwd") == null ? null : t.get("cwd").toString());
        } else if (url != null) {
            transport = new Http(url.toString(), t.get("bearer_token_env_var") == null ? null
                    : t.get("bearer_token_env_var").toString(), stringMap(t.get("http_headers")));
        } else {
            problem = "mcp_servers." + name + ": missing `command` (stdio) or `url` (streamable HTTP)";
        }
        return new McpServerConfig(name, transport, startup, tool, enabled, allow, deny, problem);
    }

    private static Duration seconds(Object v, Duration dflt) {
        if (v instanceof Number n) return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
        if (v instanceof String s) {
            try { return Duration.ofMillis(Math.round(Double.parseDouble(s.trim()) * 1000)); }
            catch (NumberFormatException ignored) { }
        }
        return dflt;
    }

    private static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) for (Object o : l) out.add(String.valueOf(o));
        return out;
    }

    private static Map<String, String> stringMap(Object v) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) for (Map.Entry<?, ?> e : m.entrySet()) out.put(e.getKey().toString(), String.valueOf(e.getValue()));
        return out;
    }
}
