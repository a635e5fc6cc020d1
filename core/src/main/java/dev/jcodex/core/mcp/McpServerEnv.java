package dev.jcodex.core.mcp;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The environment of a stdio MCP server: not the daemon's (which holds the model provider's API keys, and an
 * MCP server is often third-party code fetched by {@code npx -y}), but what Codex 0.171 passes (measured):
 * the login basics, the locale, and the CA-bundle variables that make TLS work behind a corporate proxy; then
 * the variables the server's {@code env_vars} names, then its {@code env} table, which wins.
 */
final class McpServerEnv {
    private McpServerEnv() {}

    static final Set<String> DEFAULT_VARS = Set.of(
            "HOME", "LOGNAME", "PATH", "SHELL", "USER", "TERM", "TMPDIR", "TZ", "LANG", "LC_ALL",
            "SSL_CERT_FILE", "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "NODE_EXTRA_CA_CERTS", "GIT_SSL_CAINFO",
            "PIP_CERT", "CARGO_HTTP_CAINFO", "NPM_CONFIG_CAFILE", "npm_config_cafile", "BUNDLE_SSL_CA_CERT",
            "CODEX_CA_CERTIFICATE");

    static void apply(Map<String, String> target, Map<String, String> daemon, List<String> envVars, Map<String, String> env) {
        target.clear();
        for (String k : DEFAULT_VARS) {
            String v = daemon.get(k);
            if (v != null) target.put(k, v);
        }
        for (String k : envVars) {
            String v = daemon.get(k);
            if (v != null) target.put(k, v);
        }
        target.putAll(env);
    }
}
