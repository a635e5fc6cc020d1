package dev.jcodex.core.model;

import dev.jcodex.core.config.ModelProviderInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The HTTP side every wire API shares: the endpoint URL with the provider's query params, the headers
 * (auth from env_key, originator, http_headers, env_http_headers), a cancellable POST, and the mapping of a
 * non-2xx answer to a {@link ModelError}.
 */
final class ProviderHttp {
    private ProviderHttp() {}

    /** One HTTP attempt of a model request. */
    @FunctionalInterface
    interface Attempt {
        void run() throws ModelError, InterruptedException;
    }

    /** A server that asks for a longer wait than this is not waited for: the turn fails with its message. */
    static final long MAX_SUGGESTED_DELAY_MS = 60_000;

    /**
     * Request-level retries shared by every wire API: connect errors, 5xx and retryable 429s are re-sent after
     * the server's suggested delay (at most {@link #MAX_SUGGESTED_DELAY_MS}) or {@link ResponsesClient#backoffMs};
     * each retry is announced to {@code sink} first (the client shows "Reconnecting... n/max"), and the wait
     * ends at once on cancel. A stream that broke after it started is not retried here (the turn re-sends it
     * and tells the client); 429s that never succeed become {@code responseTooManyFailedAttempts}.
     */
    static void withRetries(ModelProviderInfo provider, Cancellation cancel, ModelStream sink, Attempt attempt)
            throws ModelError, InterruptedException {
        int retries = 0;
        while (true) {
            try {
                attempt.run();
                return;
            } catch (ModelError e) {
                if (cancel.isCancelled()) throw e;
                if (e.retryAfterMs() > MAX_SUGGESTED_DELAY_MS) {
                    throw new ModelError(e.kind(), e.getMessage() + " (the server asks to wait "
                            + (e.retryAfterMs() / 1000) + " s, longer than jcodex waits within a turn; try again later)",
                            e.httpStatus(), false, e.details());
                }
                if (!e.retryable() || e.isStreamDisconnect() || retries >= provider.requestMaxRetries()) {
                    if (retries > 0 && e.httpStatus() != null && e.httpStatus() == 429) {
                        throw new ModelError("responseTooManyFailedAttempts", e.getMessage(), 429, false, e.details());
                    }
                    if (retries > 0) {
                        throw new ModelError(e.kind(), e.getMessage() + " (gave up after " + retries + " retr"
                                + (retries == 1 ? "y" : "ies") + ")", e.httpStatus(), false, e.details());
                    }
                    throw e;
                }
                retries++;
                long delay = e.retryAfterMs() > 0 ? e.retryAfterMs() : ResponsesClient.backoffMs(retries);
                sink.retrying(new ModelStream.Retry(retries, provider.requestMaxRetries(), delay, e));
                if (!cancel.sleep(delay)) throw new ModelError("other", "request cancelled", null, false, null);
            }
        }
    }

    /**
     * What failed when a request could not be sent, in words, with the URL and what to check: "could not
     * connect to http://localhost:11434/v1/responses (connection refused): is Ollama running?".
     */
    static String sendFailure(ModelProviderInfo provider, URI uri, Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.ExecutionException || c instanceof java.util.concurrent.CompletionException
                || (c instanceof IOException && c.getMessage() == null)) && c.getCause() != null && c.getCause() != c) {
            if (c instanceof java.net.ConnectException || c instanceof java.net.http.HttpTimeoutException) break;
            c = c.getCause();
        }
        String what;
        if (c instanceof java.net.http.HttpConnectTimeoutException) what = "timed out connecting to " + uri;
        else if (c instanceof java.net.http.HttpTimeoutException) what = "timed out waiting for " + uri;
        else if (c instanceof java.net.ConnectException) what = "could not connect to " + uri + " (connection refused)";
        else if (c instanceof java.nio.channels.UnresolvedAddressException || c instanceof java.net.UnknownHostException)
            what = "could not resolve the host of " + uri;
        else if (c instanceof javax.net.ssl.SSLException) what = "TLS handshake with " + uri + " failed (" + c.getMessage() + ")";
        else what = "error sending request to " + uri + " (" + c.getClass().getSimpleName()
                + (c.getMessage() == null ? "" : ": " + c.getMessage()) + ")";
        String check = switch (provider.id()) {
            case "ollama" -> "is Ollama running (`ollama serve`)?";
            case "lmstudio" -> "is LM Studio's server running?";
            default -> "is the server for model provider `" + provider.id() + "` running and reachable?";
        };
        return what + ": " + check + " Check base_url" + ("openai".equals(provider.id()) ? " (or OPENAI_BASE_URL)" : "")
                + " in [model_providers." + provider.id() + "] of config.toml.";
    }

    /**
     * The provider's API key, or null when it declares none ({@code env_key} unset in the config). A provider that
     * names an {@code env_key} whose variable is empty gets no request at all: sent without a key, the prompt
     * would go out unauthenticated and come back as a 401 that does not say which variable is missing.
     */
    static String requireApiKey(ModelProviderInfo provider) throws ModelError {
        String key = provider.apiKey();
        if (key != null || provider.envKey() == null) return key;
        String how = "openai".equals(provider.id())
                ? "Set it to your OpenAI API key, or save one with account/login/start."
                : "Set it to the API key of model provider `" + provider.id() + "`" + (provider.baseUrl() == null ? ""
                        : " (" + provider.baseUrl() + ")") + ", or remove env_key from [model_providers."
                        + provider.id() + "] if that server needs no key.";
        throw new ModelError("other", "Missing environment variable: `" + provider.envKey() + "`. " + how, null, false,
                null);
    }

    /** The status error with the URL that answered it and, for 401/404, what to check. */
    private static ModelError located(ModelError e, ModelProviderInfo provider, URI uri) {
        String hint = e.httpStatus() == null ? "" : switch (e.httpStatus()) {
            case 401, 403 -> provider.envKey() == null ? "; the provider needs an API key: set env_key in [model_providers."
                    + provider.id() + "]" : "; check the API key in `" + provider.envKey() + "`";
            case 404 -> "; check base_url in [model_providers." + provider.id() + "] and the model name";
            default -> "";
        };
        return new ModelError(e.kind(), e.getMessage() + " (POST " + uri + ")" + hint, e.httpStatus(), e.retryable(),
                e.details(), e.retryAfterMs());
    }

    static URI endpoint(ModelProviderInfo provider, String path) {
        String base = provider.baseUrl();
        if (base == null) throw new IllegalStateException("model provider `" + provider.id() + "` has no base_url");
        StringBuilder url = new StringBuilder(base.endsWith("/") ? base.substring(0, base.length() - 1) : base).append(path);
        String sep = "?";
        for (var e : provider.queryParams().entrySet()) {
            url.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = "&";
        }
        return URI.create(url.toString());
    }

    /** POSTs {@code body} as an SSE request; returns the 2xx response (body: the stream) or throws the mapped error. */
    static HttpResponse<InputStream> postForStream(HttpClient http, ModelProviderInfo provider, URI uri, byte[] body,
                                     Map<String, String> extraHeaders, ModelRequest request, boolean sessionHeader,
                                     Cancellation cancel) throws ModelError, InterruptedException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(30))
                .header("content-type", "application/json")
                .header("accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        HttpClients.closeOnLoopback(rb, uri);
        extraHeaders.forEach(rb::header);
        if (sessionHeader && request.threadId() != null) rb.header("session_id", request.threadId());
        if (request.originator() != null) rb.header("originator", request.originator());
        String key = requireApiKey(provider);
        if (key != null) rb.header("authorization", "Bearer " + key);
        provider.httpHeaders().forEach(rb::header);
        provider.envHttpHeaders().forEach((h, env) -> {
            String v = System.getenv(env);
            if (v != null && !v.isBlank()) rb.header(h, v);
        });
        HttpResponse<InputStream> resp;
        try {
            var future = http.sendAsync(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (var unused = cancel.onCancel(() -> future.cancel(true))) {
                resp = future.get();
            }
        } catch (java.util.concurrent.CancellationException e) {
            throw new ModelError("other", "request cancelled", null, false, null);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            throw new ModelError("httpConnectionFailed", sendFailure(provider, uri, c), null, true, null);
        } catch (Exception e) {
            if (e instanceof InterruptedException ie) throw ie;
            throw new ModelError("httpConnectionFailed", sendFailure(provider, uri, e), null, true, null);
        }
        if (resp.statusCode() / 100 != 2) {
            String text;
            try (InputStream in = resp.body()) {
                text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            }
            throw located(HttpErrors.fromStatus(resp.statusCode(), text), provider, uri);
        }
        return resp;
    }
}
