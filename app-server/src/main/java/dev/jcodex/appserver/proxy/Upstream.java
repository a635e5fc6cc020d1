package dev.jcodex.appserver.proxy;

import dev.jcodex.core.config.AuthStore;
import dev.jcodex.core.config.ModelProviderInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the proxy forwards to: the active model provider's {@code base_url} split into scheme/host/port/path,
 * its extra headers and query params, and the API key to inject when the client sends none.
 */
public record Upstream(String providerId, String baseUrl, boolean tls, String host, int port, String basePath,
                       Map<String, String> headers, String queryParams, String apiKey, String envKey, boolean needsKey,
                       long idleTimeoutMs) {

    /**
     * The key comes from the provider's {@code env_key}; the key saved in {@code auth.json} is used only for
     * providers that use OpenAI auth, so an OpenAI key is never sent to some other host.
     */
    public static Upstream of(ModelProviderInfo p, Function<String, String> env, Path codexHome) {
        if (p.baseUrl() == null || p.baseUrl().isBlank()) {
            throw new IllegalArgumentException("model provider `" + p.id() + "` has no base_url; the proxy needs an"
                    + " HTTP provider (set model_provider, e.g. -c model_provider=openai)");
        }
        URI u;
        try {
            u = URI.create(p.baseUrl().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model provider `" + p.id() + "`: base_url `" + p.baseUrl()
                    + "` is not a URL: " + e.getMessage());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            throw new IllegalArgumentException("model provider `" + p.id() + "`: base_url `" + p.baseUrl()
                    + "` must be an http:// or https:// URL with a host");
        }
        boolean tls = scheme.equals("https");
        int port = u.getPort() > 0 ? u.getPort() : tls ? 443 : 80;
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);

        Map<String, String> headers = new java.util.LinkedHashMap<>(p.httpHeaders());
        p.envHttpHeaders().forEach((h, var) -> {
            String v = env.apply(var);
            if (v != null && !v.isBlank()) headers.put(h, v);
        });
        StringBuilder q = new StringBuilder(u.getRawQuery() == null ? "" : u.getRawQuery());
        p.queryParams().forEach((k, v) -> {
            if (!q.isEmpty()) q.append('&');
            q.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });

        boolean openaiAuth = p.requiresOpenaiAuth() || "OPENAI_API_KEY".equals(p.envKey());
        String key = p.envKey() == null ? null : blankToNull(env.apply(p.envKey()));
        if (key == null && openaiAuth) key = AuthStore.apiKey(codexHome);
        return new Upstream(p.id(), p.baseUrl(), tls, u.getHost(), port, path, Map.copyOf(headers), q.toString(),
                key, p.envKey(), p.envKey() != null || openaiAuth, p.streamIdleTimeoutMs());
    }

    /** {@code rest} is what followed {@code /v1/} in the client's request target, query included. */
    public String target(String rest) {
        if (queryParams.isEmpty()) return basePath + "/" + rest;
        return basePath + "/" + rest + (rest.indexOf('?') >= 0 ? "&" : "?") + queryParams;
    }

    public String url(String target) {
        return (tls ? "https://" : "http://") + hostHeader() + target;
    }

    /** The Host header: the port only when it is not the scheme's default. */
    public String hostHeader() {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return port == (tls ? 443 : 80) ? h : h + ":" + port;
    }

    /** What the 401 says when neither the client nor the config has a key. */
    public String missingKeyMessage() {
        return "jcodex proxy: no API key for model provider `" + providerId + "`: send `Authorization: Bearer <key>`"
                + (envKey != null ? ", set " + envKey : "") + ", or save one with `jcodex login --with-api-key`";
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }
}
