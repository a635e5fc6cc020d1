package dev.jcodex.appserver.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback that speaks the Responses API's SSE stream from a script: one scripted
 * {@link Reply} per POST /v1/responses, in order. Every request body is recorded for assertions.
 */
public final class MockResponses implements AutoCloseable {
    private static final ObjectMapper M = new ObjectMapper();

    /** One scripted answer: SSE events (each a JSON object), or an HTTP error, or a cut stream. */
    public static final class Reply {
        final List<ObjectNode> events = new ArrayList<>();
        int status = 200;
        String errorBody = "";
        boolean cut;
        long delayBetweenMs;
        long stallBeforeMs;
        final java.util.Map<String, String> responseHeaders = new java.util.LinkedHashMap<>();
        private int n;
        private final String rid;

        private Reply(String rid) {
            this.rid = rid;
            events.add(obj("type", "response.created").set("response", obj("id", rid)));
        }

        /** An assistant message streamed in {@code deltas} pieces. */
        public Reply message(String text, int deltas) {
            String id = "msg_" + rid + "_" + (++n);
            events.add((ObjectNode) obj("type", "response.output_item.added").set("item",
                    obj("type", "message", "id", id, "role", "assistant")));
            int len = text.length();
            int k = Math.max(1, Math.min(deltas, Math.max(1, len)));
            for (int i = 0; i < k; i++) {
                events.add(obj("type", "response.output_text.delta", "item_id", id, "delta",
                        text.substring(i * len / k, (i + 1) * len / k)));
            }
            ObjectNode done = obj("type", "message", "id", id, "role", "assistant");
            done.putArray("content").add(obj("type", "output_text", "text", text));
            events.add((ObjectNode) obj("type", "response.output_item.done").set("item", done));
            return this;
        }

        /** An assistant message whose done item carries {@code phase} (commentary / final_answer). */
        public Reply message(String text, int deltas, String phase) {
            message(text, deltas);
            ((ObjectNode) events.getLast().get("item")).put("phase", phase);
            return this;
        }

        /**
         * A message as gateways stream it: deltas with no {@code item_id} and no {@code output_index}; the
         * output_item.added and .done events (their item with {@code id}, or none) only when asked for.
         */
        public Reply unnamedMessage(String text, int deltas, String addedId, String doneId, boolean sendDone) {
            if (addedId != null || sendDone && doneId != null) n++;
            if (addedId != null) {
                events.add((ObjectNode) obj("type", "response.output_item.added").set("item",
                        obj("type", "message", "id", addedId, "role", "assistant")));
            }
            int len = text.length();
            int k = Math.max(1, Math.min(deltas, Math.max(1, len)));
            for (int i = 0; i < k; i++) {
                events.add(obj("type", "response.output_text.delta", "delta",
                        text.substring(i * len / k, (i + 1) * len / k)));
            }
            if (sendDone) {
                ObjectNode done = doneId == null ? obj("type", "message", "role", "assistant")
                        : obj("type", "message", "id", doneId, "role", "assistant");
                done.putArray("content").add(obj("type", "output_text", "text", text));
                events.add((ObjectNode) obj("type", "response.output_item.done").set("item", done));
            }
            return this;
        }

        /** A reasoning item whose part and summary deltas carry no {@code item_id}. */
        public Reply unnamedReasoning(String id, String... summaryDeltas) {
            events.add((ObjectNode) obj("type", "response.output_item.added").set("item", obj("type", "reasoning", "id", id)));
            ObjectNode part = obj("type", "response.reasoning_summary_part.added");
            part.put("summary_index", 0);
            events.add(part);
            StringBuilder all = new StringBuilder();
            for (String piece : summaryDeltas) {
                ObjectNode d = obj("type", "response.reasoning_summary_text.delta", "delta", piece);
                d.put("summary_index", 0);
                events.add(d);
                all.append(piece);
            }
            ObjectNode raw = obj("type", "response.reasoning_text.delta", "delta", "raw thought");
            raw.put("content_index", 0);
            events.add(raw);
            ObjectNode done = obj("type", "reasoning", "id", id);
            done.putArray("summary").add(obj("type", "summary_text", "text", all.toString()));
            events.add((ObjectNode) obj("type", "response.output_item.done").set("item", done));
            return this;
        }

        public Reply reasoning(String summary) {
            String id = "rs_" + rid + "_" + (++n);
            events.add((ObjectNode) obj("type", "response.output_item.added").set("item", obj("type", "reasoning", "id", id)));
            ObjectNode part = obj("type", "response.reasoning_summary_part.added", "item_id", id);
            part.put("summary_index", 0);
            events.add(part);
            ObjectNode d = obj("type", "response.reasoning_summary_text.delta", "item_id", id, "delta", summary);
            d.put("summary_index", 0);
            events.add(d);
            ObjectNode done = obj("type", "reasoning", "id", id);
            done.putArray("summary").add(obj("type", "summary_text", "text", summary));
            events.add((ObjectNode) obj("type", "response.output_item.done").set("item", done));
            return this;
        }

        public Reply functionCall(String callId, String name, String argumentsJson) {
            ObjectNode item = obj("type", "function_call", "id", "fc_" + callId, "call_id", callId, "name", name,
                    "arguments", argumentsJson);
            events.add((ObjectNode) obj("type", "response.output_item.done").set("item", item));
            return this;
        }

        /** A client-executed tool search the model asks for ({@code arguments} an object, as the API sends it). */
        public Reply toolSearchCall(String callId, String query) {
            ObjectNode item = obj("type", "tool_search_call", "id", "ts_" + callId, "call_id", callId,
                    "status", "completed", "execution", "client");
            item.set("arguments", obj("query", query));
            events.add((ObjectNode) obj("type", "response.output_item.done").set("item", item));
            return this;
        }

        /** A call of a tool inside a namespace (how the model calls a tool a tool_search found). */
        public Reply namespacedCall(String callId, String namespace, String name, String argumentsJson) {
            ObjectNode item = obj("type", "function_call", "id", "fc_" + callId, "call_id", callId, "name", name,
                    "namespace", namespace, "arguments", argumentsJson);
            events.add((ObjectNode) obj("type", "response.output_item.done").set("item", item));
            return this;
        }

        /** A provider-hosted web search: output_item.added (in progress), then .done with its action. */
        public Reply webSearchCall(String id, String query) {
            events.add((ObjectNode) obj("type", "response.output_item.added").set("item",
                    obj("type", "web_search_call", "id", id, "status", "in_progress")));
            ObjectNode done = obj("type", "web_search_call", "id", id, "status", "completed");
            done.set("action", obj("type", "search", "query", query));
            events.add((ObjectNode) obj("type", "response.output_item.done").set("item", done));
            return this;
        }

        public Reply customToolCall(String callId, String name, String input) {
            ObjectNode item = obj("type", "custom_tool_call", "id", "ctc_" + callId, "call_id", callId, "name", name,
                    "input", input);
            events.add((ObjectNode) obj("type", "response.output_item.done").set("item", item));
            return this;
        }

        /** Ends with response.completed and the given usage. */
        public Reply completed(int inputTokens, int outputTokens) {
            ObjectNode usage = M.createObjectNode();
            usage.put("input_tokens", inputTokens);
            usage.put("output_tokens", outputTokens);
            usage.put("total_tokens", inputTokens + outputTokens);
            ObjectNode resp = obj("id", rid);
            resp.set("usage", usage);
            events.add((ObjectNode) obj("type", "response.completed").set("response", resp));
            return this;
        }

        public Reply completed() { return completed(100, 20); }

        /** Ends with response.failed carrying {@code code} and {@code message}. */
        public Reply failed(String code, String message) {
            ObjectNode resp = obj("id", rid);
            resp.set("error", obj("code", code, "message", message));
            events.add((ObjectNode) obj("type", "response.failed").set("response", resp));
            return this;
        }

        /** Closes the connection after the events so far (no response.completed). */
        public Reply cut() {
            cut = true;
            return this;
        }

        public Reply delayBetween(long ms) {
            delayBetweenMs = ms;
            return this;
        }

        /** A header on the 200 response (e.g. the provider's rate-limit headers). */
        public Reply header(String name, String value) {
            responseHeaders.put(name, value);
            return this;
        }

        /** Sends response.created, then waits {@code ms} before the rest (for interrupts). */
        public Reply stall(long ms) {
            stallBeforeMs = ms;
            return this;
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> queue = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<com.sun.net.httpserver.Headers> headers = new CopyOnWriteArrayList<>();
    private int counter;

    public MockResponses() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1"; }

    /** Starts scripting the next reply (call {@code completed()} or another terminator on it). */
    public synchronized Reply next() {
        Reply r = new Reply("resp_" + (++counter));
        queue.add(r);
        return r;
    }

    /** An HTTP error reply. */
    public synchronized Reply httpError(int status, String body) {
        Reply r = new Reply("resp_" + (++counter));
        r.status = status;
        r.errorBody = body;
        queue.add(r);
        return r;
    }

    public List<JsonNode> requests() { return List.copyOf(requests); }

    public List<com.sun.net.httpserver.Headers> requestHeaders() { return List.copyOf(headers); }

    /** The config.toml that points the daemon at this server (provider id "mock", no retries). */
    public String configToml(String extra) {
        return """
                model = "mock-model"
                model_provider = "mock"
                approval_policy = "never"
                sandbox_mode = "workspace-write"

                [model_providers.mock]
                name = "mock"
                base_url = "%s"
                wire_api = "responses"
                env_key = "MOCK_API_KEY"
                request_max_retries = 0
                stream_max_retries = 0
                """.formatted(baseUrl()) + (extra == null ? "" : extra);
    }

    /**
     * {@link #configToml} without {@code env_key}, for an {@code AppServer} in the test's own JVM: its environment
     * has no MOCK_API_KEY, and a provider whose env_key variable is unset gets no request at all.
     */
    public String keylessConfigToml(String extra) {
        return configToml(extra).replace("env_key = \"MOCK_API_KEY\"\n", "");
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        if (!ex.getRequestMethod().equals("POST") || !ex.getRequestURI().getPath().endsWith("/responses")) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        try {
            requests.add(M.readTree(body));
        } catch (IOException e) {
            requests.add(M.createObjectNode().put("unparsable", new String(body, StandardCharsets.UTF_8)));
        }
        headers.add(ex.getRequestHeaders());
        Reply r = queue.poll();
        if (r == null) r = new Reply("resp_default").message("ok", 1).completed();
        if (r.status != 200) {
            byte[] b = r.errorBody.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("content-type", "application/json");
            ex.sendResponseHeaders(r.status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
            return;
        }
        ex.getResponseHeaders().add("content-type", "text/event-stream");
        r.responseHeaders.forEach(ex.getResponseHeaders()::add);
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            boolean first = true;
            for (ObjectNode ev : r.events) {
                // Jackson's UTF-8 writer, not toString().getBytes(): half an emoji (a lone surrogate) is sent
                // escaped instead of being turned into '?'
                out.write(("event: " + ev.path("type").asText() + "\ndata: ").getBytes(StandardCharsets.UTF_8));
                out.write(M.writeValueAsBytes(ev));
                out.write("\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (first && r.stallBeforeMs > 0) sleep(r.stallBeforeMs);
                else if (r.delayBetweenMs > 0) sleep(r.delayBetweenMs);
                first = false;
            }
        } catch (IOException e) {
            // the client went away (interrupt): nothing to do
        }
        ex.close();
    }

    private static void sleep(long ms) {
        try { Thread.sleep(ms); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }

    static ObjectNode obj(String... kv) {
        ObjectNode o = M.createObjectNode();
        for (int i = 0; i + 1 < kv.length; i += 2) o.put(kv[i], kv[i + 1]);
        return o;
    }

    @Override
    public void close() { server.stop(0); }
}
