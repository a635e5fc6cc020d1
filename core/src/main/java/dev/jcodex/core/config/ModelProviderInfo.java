package dev.jcodex.core.config;

import java.util.Map;

/**
 * One {@code [model_providers.<id>]} entry. {@code wireApi} is "responses", "chat", or "offline" for the
 * embedded scripted model.
 */
public record ModelProviderInfo(String id, String name, String baseUrl, String envKey, String wireApi,
                                Map<String, String> queryParams, Map<String, String> httpHeaders,
                                Map<String, String> envHttpHeaders, int requestMaxRetries, int streamMaxRetries,
                                long streamIdleTimeoutMs, boolean requiresOpenaiAuth, String script) {

    public static final int DEFAULT_REQUEST_MAX_RETRIES = 4;

    public ModelProviderInfo withBaseUrl(String url) {
        return new ModelProviderInfo(id, name, url, envKey, wireApi, queryParams, httpHeaders, envHttpHeaders,
                requestMaxRetries, streamMaxRetries, streamIdleTimeoutMs, requiresOpenaiAuth, script);
    }
    public static final int DEFAULT_STREAM_MAX_RETRIES = 5;
    public static final long DEFAULT_STREAM_IDLE_TIMEOUT_MS = 300_000;

    /**
     * Set by {@code jcodex exec} from {@code CODEX_API_KEY}: as in Codex, that variable is honoured by exec only,
     * and wins over OPENAI_API_KEY and the saved key for providers that use OpenAI auth.
     */
    public static final String EXEC_API_KEY_PROPERTY = "jcodex.exec.apiKey";

    /** The API key from {@code env_key}; for OPENAI_API_KEY also the key saved by account/login/start. */
    public String apiKey() {
        if (envKey == null) return null;
        String exec = "OPENAI_API_KEY".equals(envKey) ? System.getProperty(EXEC_API_KEY_PROPERTY) : null;
        if (exec != null && !exec.isBlank()) return exec;
        String v = System.getenv(envKey);
        if ((v == null || v.isBlank()) && "OPENAI_API_KEY".equals(envKey)) return AuthStore.apiKey(CodexHome.resolve());
        return v == null || v.isBlank() ? null : v;
    }
}
