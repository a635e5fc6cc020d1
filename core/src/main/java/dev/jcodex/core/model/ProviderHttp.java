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

    /**
     * Request-level retries shared by every wire API: connect errors, 5xx and retryable 429s are re-sent after
     * the server's suggested delay or {@link ResponsesClient#backoffMs}; a stream that broke after it started is
     * not retried here (the turn re-sends it and tells the client); 429s that never succeed become
     * {@code responseTooManyFailedAttempts}.
     */
    static void withRetries(ModelProviderInfo provider, Cancellation cancel, Attempt attempt)
            throws ModelError, InterruptedException {
        int retries = 0;
        while (true) {
            try {
                attempt.run();
                return;
            } catch (ModelError e) {
                if (cancel.isCancelled()) throw e;
                if (!e.retryable() || e.isStreamDisconnect() || retries >= provider.requestMaxRetries()) {
                    throw retries > 0 && e.httpStatus() != null && e.httpStatus() == 429
                            ? new ModelError("responseTooManyFailedAttempts", e.getMessage(), 429, false, e.details())
                            : e;
                }
                retries++;
                long delay = e.retryAfterMs() > 0 ? e.retryAfterMs() : ResponsesClient.backoffMs(retries);
                System.err.println("jcodex: model request to `" + provider.id() + "` failed (" + e.getMessage()
                        + "), retry " + retries + "/" + provider.requestMaxRetries() + " in " + delay + " ms");
                Thread.sleep(delay);
            }
        }
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
        String key = provider.apiKey();
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
            throw new ModelError("httpConnectionFailed", "error sending request: " + c, null, true, String.valueOf(c));
        } catch (Exception e) {
            if (e instanceof InterruptedException ie) throw ie;
            throw new ModelError("httpConnectionFailed", "error sending request: " + e, null, true, null);
        }
        if (resp.statusCode() / 100 != 2) {
            String text;
            try (InputStream in = resp.body()) {
                text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            }
            throw HttpErrors.fromStatus(resp.statusCode(), text);
        }
        return resp;
    }
}
