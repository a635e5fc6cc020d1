package dev.jcodex.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.config.ModelProviderInfo;
import dev.jcodex.core.util.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code wire_api = "chat"}: OpenAI Chat Completions streaming ({@code POST {base_url}/chat/completions}), which
 * Codex dropped but most local servers (ollama, LM Studio, vLLM, llama.cpp) still speak best.
 *
 * <p>The engine thinks in Responses items, so this translates both ways: the Responses history becomes chat
 * messages (function_call → assistant {@code tool_calls}, function_call_output → {@code tool} messages, freeform
 * custom tools such as apply_patch → a function taking one string {@code input}), and the chunk stream becomes
 * the same {@link ResponseEvent}s a Responses stream yields (text deltas, reasoning deltas from
 * {@code reasoning_content}, and at the end one function_call / custom_tool_call item per accumulated tool call).
 * Retries behave as in {@link ResponsesClient}.
 */
public final class ChatCompletionsClient implements ModelClient {
    private final ModelProviderInfo provider;
    private final HttpClient http;
    private final Map<String, String> extraHeaders;
    private final AtomicInteger responses = new AtomicInteger();

    public ChatCompletionsClient(ModelProviderInfo provider, Map<String, String> extraHeaders) {
        this.provider = provider;
        this.extraHeaders = Map.copyOf(extraHeaders);
        this.http = HttpClients.forBaseUrl(provider.baseUrl(), Duration.ofSeconds(30), true);
    }

    @Override
    public void stream(ModelRequest request, ModelStream sink, Cancellation cancel)
            throws ModelError, InterruptedException {
        Set<String> freeform = new HashSet<>();
        byte[] body = requestBody(request, freeform).toString().getBytes(StandardCharsets.UTF_8);
        ProviderHttp.withRetries(provider, cancel, sink, () -> send(body, request, sink, cancel, freeform));
    }

    // ------------------------------------------------------------------ request: Responses items → chat

    /** The chat request; fills {@code freeform} with the names of tools that were custom (raw-text) tools. */
    static ObjectNode requestBody(ModelRequest r, Set<String> freeform) {
        ObjectNode b = Json.object();
        b.put("model", r.model());
        ArrayNode messages = b.putArray("messages");
        if (r.instructions() != null && !r.instructions().isBlank()) {
            messages.addObject().put("role", "system").put("content", r.instructions());
        }
        ObjectNode pendingAssistant = null;
        for (ObjectNode item : r.input()) {
            String type = item.path("type").asText("message");
            switch (type) {
                case "message" -> {
                    String role = item.path("role").asText("user");
                    if ("assistant".equals(role)) {
                        pendingAssistant = messages.addObject().put("role", "assistant");
                        pendingAssistant.put("content", text(item.path("content")));
                    } else {
                        pendingAssistant = null;
                        ObjectNode m = messages.addObject().put("role", "developer".equals(role) || "system".equals(role)
                                ? "system" : "user");
                        content(m, item.path("content"));
                    }
                }
                case "function_call", "custom_tool_call" -> {
                    if (pendingAssistant == null) {
                        pendingAssistant = messages.addObject().put("role", "assistant");
                        pendingAssistant.putNull("content");
                    }
                    ArrayNode calls = pendingAssistant.has("tool_calls") ? (ArrayNode) pendingAssistant.get("tool_calls")
                            : pendingAssistant.putArray("tool_calls");
                    ObjectNode fn = calls.addObject().put("id", item.path("call_id").asText())
                            .put("type", "function").putObject("function");
                    fn.put("name", item.path("name").asText());
                    fn.put("arguments", type.equals("function_call") ? item.path("arguments").asText("{}")
                            : Json.object().put("input", item.path("input").asText("")).toString());
                }
                case "function_call_output", "custom_tool_call_output" -> {
                    pendingAssistant = null;
                    JsonNode out = item.get("output");
                    String text = out == null ? "" : out.isTextual() ? out.asText()
                            : out.has("content") ? text(out.path("content")) : text(out);
                    messages.addObject().put("role", "tool").put("tool_call_id", item.path("call_id").asText())
                            .put("content", text);
                }
                default -> { /* reasoning and hosted-tool items have no chat form */ }
            }
        }
        if (!r.tools().isEmpty()) {
            ArrayNode tools = b.putArray("tools");
            for (ObjectNode t : r.tools()) {
                String type = t.path("type").asText();
                if ("function".equals(type)) {
                    ObjectNode fn = tools.addObject().put("type", "function").putObject("function");
                    fn.put("name", t.path("name").asText());
                    if (t.has("description")) fn.set("description", t.get("description"));
                    fn.set("parameters", t.has("parameters") ? t.get("parameters") : Json.object().put("type", "object"));
                } else if ("custom".equals(type)) {
                    String name = t.path("name").asText();
                    freeform.add(name);
                    ObjectNode fn = tools.addObject().put("type", "function").putObject("function");
                    fn.put("name", name);
                    fn.put("description", t.path("description").asText("")
                            + "\nPass the whole raw payload as the string argument `input`.");
                    ObjectNode params = fn.putObject("parameters").put("type", "object");
                    params.putObject("properties").putObject("input").put("type", "string");
                    params.putArray("required").add("input");
                }
            }
            b.put("tool_choice", "auto");
        }
        b.put("stream", true);
        b.putObject("stream_options").put("include_usage", true);
        if (r.reasoningEffort() != null) b.put("reasoning_effort", r.reasoningEffort());
        if (r.outputSchema() != null) {
            ObjectNode rf = b.putObject("response_format").put("type", "json_schema");
            rf.putObject("json_schema").put("name", "codex_output_schema").put("strict", true)
                    .set("schema", Json.MAPPER.valueToTree(r.outputSchema()));
        }
        return b;
    }

    private static void content(ObjectNode m, JsonNode parts) {
        boolean images = false;
        for (JsonNode p : parts) if ("input_image".equals(p.path("type").asText())) images = true;
        if (!images) {
            m.put("content", text(parts));
            return;
        }
        ArrayNode arr = m.putArray("content");
        for (JsonNode p : parts) {
            if ("input_image".equals(p.path("type").asText())) {
                arr.addObject().put("type", "image_url").putObject("image_url").put("url", p.path("image_url").asText());
            } else if (p.has("text")) {
                arr.addObject().put("type", "text").put("text", p.get("text").asText());
            }
        }
    }

    private static String text(JsonNode parts) {
        if (parts.isTextual()) return parts.asText();
        StringBuilder sb = new StringBuilder();
        for (JsonNode p : parts) {
            if (p.has("text")) {
                if (!sb.isEmpty()) sb.append('\n');
                sb.append(p.get("text").asText());
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ transport

    private void send(byte[] body, ModelRequest request, ModelStream sink, Cancellation cancel, Set<String> freeform)
            throws ModelError, InterruptedException {
        var resp = ProviderHttp.postForStream(http, provider, ProviderHttp.endpoint(provider, "/chat/completions"),
                body, extraHeaders, request, false, cancel);
        sink.on(new ResponseEvent.RateLimitsReported(RateLimits.fromHeaders(resp.headers())));
        new ChunkReader("chatcmpl_" + responses.incrementAndGet(), sink, freeform).read(resp.body(), cancel);
    }

    // ------------------------------------------------------------------ response: chunks → Responses events

    /** Accumulates one streamed completion and reports it as Responses events. */
    private final class ChunkReader {
        private final String responseId;
        private final ModelStream sink;
        private final Set<String> freeform;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder reasoning = new StringBuilder();
        private final Map<Integer, String[]> calls = new TreeMap<>(); // index → {id, name, arguments}
        private String messageId;
        private String reasoningId;
        private boolean finished;
        private TokenUsage usage = TokenUsage.ZERO;

        ChunkReader(String responseId, ModelStream sink, Set<String> freeform) {
            this.responseId = responseId;
            this.sink = sink;
            this.freeform = freeform;
        }

        void read(InputStream body, Cancellation cancel) throws ModelError {
            AtomicLong lastActivity = new AtomicLong(System.nanoTime());
            IdleWatchdog.Handle watchdog = IdleWatchdog.watch(lastActivity, provider.streamIdleTimeoutMs(), body);
            sink.on(new ResponseEvent.Created(responseId));
            try (body; var unused = cancel.onCancel(() -> closeQuietly(body));
                 BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lastActivity.set(System.nanoTime());
                    if (!line.startsWith("data:")) continue;
                    String data = line.substring(5).trim();
                    if (data.equals("[DONE]")) {
                        complete();
                        return;
                    }
                    chunk(data);
                }
                if (finished) {
                    complete(); // some servers end the stream after the last chunk without [DONE]
                    return;
                }
                throw disconnected(watchdog.fired() ? "idle timeout waiting for SSE" : "stream closed before the completion finished");
            } catch (ModelError e) {
                throw e;
            } catch (Exception e) {
                if (cancel.isCancelled()) throw new ModelError("other", "request cancelled", null, false, null);
                throw disconnected(watchdog.fired() ? "idle timeout waiting for SSE" : e.toString());
            } finally {
                watchdog.cancel();
            }
        }

        private void chunk(String data) throws ModelError {
            JsonNode c;
            try {
                c = Json.MAPPER.readTree(data);
            } catch (IOException e) {
                System.err.println("jcodex: ignoring unparsable chat chunk: " + data);
                return;
            }
            if (c.has("error")) throw HttpErrors.fromResponseError(c.get("error"));
            if (c.hasNonNull("usage")) {
                JsonNode u = c.get("usage");
                long in = u.path("prompt_tokens").asLong(0);
                long out = u.path("completion_tokens").asLong(0);
                usage = new TokenUsage(in, u.path("prompt_tokens_details").path("cached_tokens").asLong(0), out,
                        u.path("completion_tokens_details").path("reasoning_tokens").asLong(0),
                        u.path("total_tokens").asLong(in + out));
            }
            for (JsonNode choice : c.path("choices")) {
                JsonNode d = choice.path("delta");
                String r = d.hasNonNull("reasoning_content") ? d.get("reasoning_content").asText()
                        : d.hasNonNull("reasoning") && d.get("reasoning").isTextual() ? d.get("reasoning").asText() : null;
                if (r != null && !r.isEmpty()) {
                    if (reasoningId == null) {
                        reasoningId = "rs_" + responseId;
                        sink.on(new ResponseEvent.OutputItemAdded(Json.object().put("type", "reasoning").put("id", reasoningId)));
                    }
                    reasoning.append(r);
                    sink.on(new ResponseEvent.ReasoningContentDelta(reasoningId, r, 0));
                }
                if (d.hasNonNull("content") && !d.get("content").asText().isEmpty()) {
                    if (messageId == null) {
                        messageId = "msg_" + responseId;
                        sink.on(new ResponseEvent.OutputItemAdded(Json.object().put("type", "message")
                                .put("id", messageId).put("role", "assistant")));
                    }
                    text.append(d.get("content").asText());
                    sink.on(new ResponseEvent.OutputTextDelta(messageId, d.get("content").asText()));
                }
                for (JsonNode tc : d.path("tool_calls")) {
                    int idx = tc.path("index").asInt(calls.size());
                    String[] acc = calls.computeIfAbsent(idx, k -> new String[] {null, "", ""});
                    if (tc.hasNonNull("id")) acc[0] = tc.get("id").asText();
                    JsonNode fn = tc.path("function");
                    if (fn.hasNonNull("name")) acc[1] += fn.get("name").asText();
                    if (fn.hasNonNull("arguments")) acc[2] += fn.get("arguments").asText();
                }
                if (choice.hasNonNull("finish_reason")) finished = true;
            }
        }

        private void complete() {
            if (reasoningId != null) {
                ObjectNode item = Json.object().put("type", "reasoning").put("id", reasoningId);
                item.putArray("summary");
                item.putArray("content").addObject().put("type", "reasoning_text").put("text", reasoning.toString());
                sink.on(new ResponseEvent.OutputItemDone(item));
            }
            if (messageId != null) {
                ObjectNode item = Json.object().put("type", "message").put("id", messageId).put("role", "assistant");
                item.putArray("content").addObject().put("type", "output_text").put("text", text.toString());
                sink.on(new ResponseEvent.OutputItemDone(item));
            }
            int n = 0;
            for (String[] call : calls.values()) {
                n++;
                String callId = call[0] != null ? call[0] : "call_" + responseId + "_" + n;
                String name = call[1];
                ObjectNode item;
                if (freeform.contains(name)) {
                    String input;
                    try {
                        input = Json.MAPPER.readTree(call[2].isBlank() ? "{}" : call[2]).path("input").asText("");
                    } catch (IOException e) {
                        input = call[2];
                    }
                    item = Json.object().put("type", "custom_tool_call").put("id", "ctc_" + callId)
                            .put("call_id", callId).put("name", name).put("input", input);
                } else {
                    item = Json.object().put("type", "function_call").put("id", "fc_" + callId)
                            .put("call_id", callId).put("name", name).put("arguments", call[2].isBlank() ? "{}" : call[2]);
                }
                sink.on(new ResponseEvent.OutputItemDone(item));
            }
            sink.on(new ResponseEvent.Completed(responseId, usage));
        }
    }

    private static ModelError disconnected(String why) {
        return new ModelError("responseStreamDisconnected", "stream disconnected before completion: " + why, null,
                true, "stream disconnected before completion: " + why);
    }

    private static void closeQuietly(InputStream in) {
        try { in.close(); } catch (IOException ignored) { }
    }
}
