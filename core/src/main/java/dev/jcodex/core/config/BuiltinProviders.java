package dev.jcodex.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** The providers that exist without any config: openai, the local OSS servers, and the offline model. */
public final class BuiltinProviders {
    private BuiltinProviders() {}

    public static Map<String, ModelProviderInfo> all() {
        Map<String, ModelProviderInfo> m = new LinkedHashMap<>();
        String openaiBase = env("OPENAI_BASE_URL", "https://api.openai.com/v1");
        // no env_key: as in Codex the OpenAI provider authenticates with the account (auth.json, then the
        // OPENAI_API_KEY fallback in ModelProviderInfo.accountKey), so a login wins over the variable
        m.put("openai", provider("openai", "OpenAI", openaiBase, null, "responses", true));
        String ossBase = System.getenv("CODEX_OSS_BASE_URL");
        String ossPort = System.getenv("CODEX_OSS_PORT");
        m.put("ollama", provider("ollama", "Ollama",
                ossBase != null ? ossBase : "http://localhost:" + (ossPort != null ? ossPort : "11434") + "/v1",
                null, "responses", false));
        m.put("lmstudio", provider("lmstudio", "LM Studio", "http://localhost:1234/v1", null, "responses", false));
        m.put(Config.OFFLINE_PROVIDER, provider(Config.OFFLINE_PROVIDER, "jcodex offline model", null, null,
                "offline", false));
        return m;
    }

    private static String env(String k, String d) {
        String v = System.getenv(k);
        return v == null || v.isBlank() ? d : v;
    }

    private static ModelProviderInfo provider(String id, String name, String base, String envKey, String wire,
                                              boolean openaiAuth) {
        return new ModelProviderInfo(id, name, base, envKey, wire, Map.of(), Map.of(), Map.of(),
                ModelProviderInfo.DEFAULT_REQUEST_MAX_RETRIES, ModelProviderInfo.DEFAULT_STREAM_MAX_RETRIES,
                ModelProviderInfo.DEFAULT_STREAM_IDLE_TIMEOUT_MS, openaiAuth, null);
    }

    /** A {@code [model_providers.<id>]} table, on top of the built-in of the same id if there is one. */
    static ModelProviderInfo fromTable(String id, Map<String, Object> t, ModelProviderInfo base) {
        ModelProviderInfo b = base != null ? base : provider(id, id, null, null, "responses", false);
        return new ModelProviderInfo(id,
                str(t, "name", b.name()),
                str(t, "base_url", b.baseUrl()),
                str(t, "env_key", b.envKey()),
                str(t, "wire_api", b.wireApi()),
                strMap(t.get("query_params"), b.queryParams()),
                strMap(t.get("http_headers"), b.httpHeaders()),
                strMap(t.get("env_http_headers"), b.envHttpHeaders()),
                (int) Math.min(100, num(t, "request_max_retries", b.requestMaxRetries())),
                (int) Math.min(100, num(t, "stream_max_retries", b.streamMaxRetries())),
                num(t, "stream_idle_timeout_ms", b.streamIdleTimeoutMs()),
                t.get("requires_openai_auth") instanceof Boolean bo ? bo : b.requiresOpenaiAuth(),
                str(t, "script", b.script()));
    }

    private static String str(Map<String, Object> t, String k, String d) {
        Object v = t.get(k);
        return v == null ? d : v.toString();
    }

    private static long num(Map<String, Object> t, String k, long d) {
        return t.get(k) instanceof Number n ? n.longValue() : d;
    }

    private static Map<String, String> strMap(Object v, Map<String, String> d) {
        if (!(v instanceof Map<?, ?> m)) return d;
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, val) -> out.put(k.toString(), String.valueOf(val)));
        return out;
    }
}
