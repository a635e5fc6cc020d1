package dev.jcodex.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.config.ModelProviderInfo;
import dev.jcodex.core.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAI Responses API over HTTP + Server-Sent Events ({@code POST {base_url}/responses}, stream:true).
 * Request-level failures (connect errors, 5xx, retryable 429) are retried here with exponential backoff and
 * jitter; a stream that breaks after it started is reported as {@code responseStreamDisconnected} so the
 * turn can re-send the whole request and tell the client.
 */
public final class ResponsesClient implements ModelClient {
    private static final Pattern RETRY_IN = Pattern.compile("try again in ([0-9.]+)\\s*(ms|s)", Pattern.CASE_INSENSITIVE);

    private final ModelProviderInfo provider;
    private final HttpClient http;
    private final Map<String, String> extraHeaders;

    /** {@code extraHeaders}: originator, user-agent and the like, set by whoever embeds the engine. */
    public ResponsesClient(ModelProviderInfo provider, Map<String, String> extraHeaders) {
        this.provider = provider;
        this.extraHeaders = Map.copyOf(extraHeaders);
        this.http = HttpClients.forBaseUrl(provider.baseUrl(), Duration.ofSeconds(30), true);
    }

    @Override
    public void stream(ModelRequest request, ModelStream sink, Cancellation cancel)
            throws ModelError, InterruptedException {
        byte[] body = requestBody(request).toString().getBytes(StandardCharsets.UTF_8);
        ProviderHttp.withRetries(provider, cancel, sink, () -> send(body, request, sink, cancel));
    }

    /** 200 ms · 2^(n-1), ±10 % jitter. */
    public static long backoffMs(int attempt) {
        double base = 200.0 * Math.pow(2, attempt - 1);
        return (long) (base * (0.9 + ThreadLocalRandom.current().nextDouble() * 0.2));
    }

    ObjectNode requestBody(ModelRequest r) {
        ObjectNode b = Json.object();
        b.put("model", r.model());
        b.put("instructions", r.instructions() == null ? "" : r.instructions());
        ArrayNode input = b.putArray("input");
        r.input().forEach(input::add);
        ArrayNode tools = b.putArray("tools");
        r.tools().forEach(tools::add);
        b.put("tool_choice", "auto");
        b.put("parallel_tool_calls", true);
        if (r.reasoningEffort() != null || r.reasoningSummary() != null) {
            ObjectNode reasoning = b.putObject("reasoning");
            if (r.reasoningEffort() != null) reasoning.put("effort", r.reasoningEffort());
            if (r.reasoningSummary() != null && !"none".equals(r.reasoningSummary()))
                reasoning.put("summary", r.reasoningSummary());
            b.putArray("include").add("reasoning.encrypted_content");
        }
        b.put("store", false);
        b.put("stream", true);
        if (r.promptCacheKey() != null) b.put("prompt_cache_key", r.promptCacheKey());
        if (r.outputSchema() != null) {
            ObjectNode format = b.putObject("text").putObject("format");
            format.put("type", "json_schema");
            format.put("name", "codex_output_schema");
            format.put("strict", true);
            format.set("schema", Json.MAPPER.valueToTree(r.outputSchema()));
        }
        return b;
    }

    private void send(byte[] body, ModelRequest request, ModelStream sink, Cancellation cancel)
            throws ModelError, InterruptedException {
        var resp = ProviderHttp.postForStream(http, provider, ProviderHttp.endpoint(provider, "/responses"), body,
                extraHeaders, request, true, cancel);
        sink.on(new ResponseEvent.RateLimitsReported(RateLimits.fromHeaders(resp.headers())));
        readSse(resp.body(), sink, cancel);
    }

    private void readSse(InputStream body, ModelStream sink, Cancellation cancel) throws ModelError {
        AtomicLong lastActivity = new AtomicLong(System.nanoTime());
        IdleWatchdog.Handle watchdog = IdleWatchdog.watch(lastActivity, provider.streamIdleTimeoutMs(), body);
        try (body; var unused = cancel.onCancel(() -> closeQuietly(body))) {
            SseReader sse = new SseReader(body, () -> lastActivity.set(System.nanoTime()));
            if (sse.run((data, off, len) -> dispatch(data, off, len, sink))) return;
            throw disconnected(watchdog.fired() ? "idle timeout waiting for SSE" : "stream closed before response.completed");
        } catch (ModelError e) {
            throw e;
        } catch (Exception e) {
            if (cancel.isCancelled()) throw new ModelError("other", "request cancelled", null, false, null);
            throw disconnected(watchdog.fired() ? "idle timeout waiting for SSE" : e.toString());
        } finally {
            watchdog.cancel();
        }
    }

    private static ModelError disconnected(String why) {
        return new ModelError("responseStreamDisconnected", "stream disconnected before completion: " + why, null,
                true, "stream disconnected before completion: " + why);
    }

    private static void closeQuietly(InputStream in) {
        try { in.close(); } catch (IOException ignored) { }
    }

    /**
     * Handles one SSE event's data; returns true at response.completed. Deltas take the streaming path
     * ({@link DeltaScan}); the few other events of a response are read as trees.
     */
    static boolean dispatch(byte[] data, int off, int len, ModelStream sink) throws ModelError {
        ResponseEvent delta = DeltaScan.read(data, off, len);
        if (delta != null) {
            sink.on(delta);
            return false;
        }
        JsonNode ev;
        try {
            ev = Json.MAPPER.readTree(data, off, len);
        } catch (IOException e) {
            // Bytes that are not UTF-8 are read as text with replacement characters, as a decoding reader would.
            String text = new String(data, off, len, StandardCharsets.UTF_8);
            try {
                ev = Json.MAPPER.readTree(text);
            } catch (IOException again) {
                System.err.println("jcodex: ignoring unparsable SSE data: " + text);
                return false;
            }
        }
        return dispatch(ev, sink);
    }

    /** One event read as a tree; the meaning {@link DeltaScan} must match for the events it reads. */
    static boolean dispatch(JsonNode ev, ModelStream sink) throws ModelError {
        String type = ev.path("type").asText("");
        switch (type) {
            case "response.created" -> sink.on(new ResponseEvent.Created(ev.path("response").path("id").asText(null)));
            case "response.output_item.added" -> {
                if (ev.get("item") instanceof ObjectNode item) sink.on(new ResponseEvent.OutputItemAdded(item));
            }
            case "response.output_text.delta" -> sink.on(new ResponseEvent.OutputTextDelta(
                    ev.path("item_id").asText(null), ev.path("delta").asText("")));
            case "response.reasoning_summary_part.added" -> sink.on(new ResponseEvent.ReasoningSummaryPartAdded(
                    ev.path("item_id").asText(null), ev.path("summary_index").asInt(0)));
            case "response.reasoning_summary_text.delta" -> sink.on(new ResponseEvent.ReasoningSummaryDelta(
                    ev.path("item_id").asText(null), ev.path("delta").asText(""), ev.path("summary_index").asInt(0)));
            case "response.reasoning_text.delta" -> sink.on(new ResponseEvent.ReasoningContentDelta(
                    ev.path("item_id").asText(null), ev.path("delta").asText(""), ev.path("content_index").asInt(0)));
            case "response.output_item.done" -> {
                if (ev.get("item") instanceof ObjectNode item) sink.on(new ResponseEvent.OutputItemDone(item));
            }
            case "response.completed" -> {
                JsonNode r = ev.path("response");
                sink.on(new ResponseEvent.Completed(r.path("id").asText(null), usage(r.path("usage"))));
                return true;
            }
            case "response.failed" -> throw HttpErrors.fromResponseError(ev.path("response").path("error"));
            case "response.incomplete" -> {
                String reason = ev.path("response").path("incomplete_details").path("reason").asText("unknown");
                throw new ModelError("other", "Incomplete response returned, reason: " + reason, null, false, null);
            }
            case "error" -> throw HttpErrors.fromResponseError(ev.has("error") ? ev.get("error") : ev);
            default -> { /* other events carry nothing the engine needs */ }
        }
        return false;
    }

    static TokenUsage usage(JsonNode u) {
        if (u == null || u.isMissingNode() || u.isNull()) return TokenUsage.ZERO;
        long in = u.path("input_tokens").asLong(0);
        long out = u.path("output_tokens").asLong(0);
        return new TokenUsage(in, u.path("input_tokens_details").path("cached_tokens").asLong(0), out,
                u.path("output_tokens_details").path("reasoning_tokens").asLong(0),
                u.path("total_tokens").asLong(in + out));
    }

    static long retryDelayFrom(String message) {
        if (message == null) return -1;
        Matcher m = RETRY_IN.matcher(message);
        if (!m.find()) return -1;
        double v = Double.parseDouble(m.group(1));
        return (long) (m.group(2).equalsIgnoreCase("s") ? v * 1000 : v);
    }
}
