package dev.jcodex.core.config;

import java.nio.file.Path;
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
     * and wins over the saved key and OPENAI_API_KEY for providers that use OpenAI auth.
     */
    public static final String EXEC_API_KEY_PROPERTY = "jcodex.exec.apiKey";

    /** The key model requests carry ({@code Authorization: Bearer}), or null; see {@link #apiKey(Path)}. */
    public String apiKey() { return apiKey(CodexHome.resolve()); }

    /**
     * Precedence as in Codex 0.171 (run against a logging mock): the provider's own {@code env_key} variable
     * wins; else a provider that needs OpenAI auth uses the account ({@link #accountKey}); else no key.
     */
    public String apiKey(Path codexHome) {
        if (envKey != null) {
            String v = System.getenv(envKey);
            if (v != null && !v.isBlank()) return v;
        }
        return requiresOpenaiAuth ? accountKey(codexHome) : null;
    }

    /**
     * The OpenAI account key of a provider that needs OpenAI auth: exec's CODEX_API_KEY, else the key saved by
     * account/login/start in {@code codexHome/auth.json}, else OPENAI_API_KEY. The last is a jcodex extension:
     * 0.171's app-server ignores that variable (it only reads auth.json), jcodex honours it while nobody is
     * logged in, so a login still wins over it as on 0.171.
     */
    public String accountKey(Path codexHome) {
        if (!requiresOpenaiAuth) return null;
        String exec = System.getProperty(EXEC_API_KEY_PROPERTY);
        if (exec != null && !exec.isBlank()) return exec;
        String saved = AuthStore.apiKey(codexHome);
        if (saved != null) return saved;
        String env = System.getenv("OPENAI_API_KEY");
        return env == null || env.isBlank() ? null : env;
    }
}
