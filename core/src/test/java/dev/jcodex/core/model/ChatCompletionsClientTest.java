package dev.jcodex.core.model;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.jcodex.core.config.ModelProviderInfo;
import dev.jcodex.core.thread.InitialContext;
import dev.jcodex.core.util.Json;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chat wire against a real loopback server that streams Chat Completions chunks. */
class ChatCompletionsClientTest {
    /** A scripted answer: SSE data lines, or an HTTP status, optionally stalling before the rest. */
    record Script(int status, List<String> data, long stallMs, boolean done) {}

    private HttpServer server;
    private final ConcurrentLinkedQueue<Script> scripts = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", ex -> {
            bodies.add(Json.MAPPER.readTree(ex.getRequestBody().readAllBytes()));
            Script s = scripts.poll();
            if (s.status() != 200) {
                byte[] b = "{\"error\":{\"message\":\"overloaded\"}}".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(s.status(), b.length);
                ex.getResponseBody().write(b);
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("content-type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (String d : s.data()) {
                    out.write(("data: " + d + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (s.stallMs() > 0) Thread.sleep(s.stallMs());
                }
                if (s.done()) out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            } catch (Exception ignored) {
                // client went away
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() { server.stop(0); }

    private ModelProviderInfo provider(int requestRetries, long idleMs) {
        return new ModelProviderInfo("local", "local", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", null,
                "chat", Map.of(), Map.of("x-test", "1"), Map.of(), requestRetries, 0, idleMs, false, null);
    }

    private static String delta(String json) { return "{\"choices\":[{\"index\":0,\"delta\":" + json + "}]}"; }

    private static String finish(String reason) {
        return "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + reason + "\"}]}";
    }

    private static ModelRequest request(List<ObjectNode> input) {
        ObjectNode fn = Json.object().put("type", "function").put("name", "exec_command").put("description", "run");
        fn.putObject("parameters").put("type", "object").putObject("properties").putObject("cmd").put("type", "string");
        ObjectNode custom = Json.object().put("type", "custom").put("name", "apply_patch").put("description", "edit files");
        return new ModelRequest("qwen", "", input, List.of(fn, custom), null, null, null, "t", "t", "turn", "jcodex-test");
    }

    private static List<ResponseEvent> run(ChatCompletionsClient c, ModelRequest r) throws Exception {
        List<ResponseEvent> events = new ArrayList<>();
        c.stream(r, events::add, new Cancellation());
        return events;
    }

    @Test
    void streamsTextAndMapsTheHistoryToMessages() throws Exception {
        scripts.add(new Script(200, List.of(delta("{\"role\":\"assistant\",\"content\":\"\"}"),
                delta("{\"reasoning_content\":\"thinking\"}"), delta("{\"content\":\"Hel\"}"), delta("{\"content\":\"lo\"}"),
                finish("stop"), "{\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}"),
                0, true));
        var c = new ChatCompletionsClient(provider(0, 5000), Map.of());
        List<ResponseEvent> ev = run(c, request(List.of(InitialContext.message("developer", "be brief"),
                InitialContext.message("user", "hi"))));
        String text = ev.stream().filter(e -> e instanceof ResponseEvent.OutputTextDelta)
                .map(e -> ((ResponseEvent.OutputTextDelta) e).delta()).reduce("", String::concat);
        assertEquals("Hello", text);
        assertTrue(ev.stream().anyMatch(e -> e instanceof ResponseEvent.ReasoningContentDelta d && d.delta().equals("thinking")));
        ResponseEvent.OutputItemDone msg = (ResponseEvent.OutputItemDone) ev.stream()
                .filter(e -> e instanceof ResponseEvent.OutputItemDone d && d.item().path("type").asText().equals("message"))
                .findFirst().orElseThrow();
        assertEquals("Hello", msg.item().path("content").get(0).path("text").asText());
        ResponseEvent.Completed done = (ResponseEvent.Completed) ev.getLast();
        assertEquals(15, done.usage().totalTokens());

        JsonNode body = bodies.getFirst();
        assertTrue(body.path("stream").asBoolean());
        assertEquals("system", body.path("messages").get(0).path("role").asText());
        assertEquals("be brief", body.path("messages").get(0).path("content").asText());
        assertEquals("user", body.path("messages").get(1).path("role").asText());
        assertEquals("exec_command", body.path("tools").get(0).path("function").path("name").asText());
        assertEquals("input", body.path("tools").get(1).path("function").path("parameters").path("required").get(0).asText());
    }

    @Test
    void toolCallsMapBothWays() throws Exception {
        // two calls, their ids, names and arguments split across chunks as real servers do
        scripts.add(new Script(200, List.of(
                delta("{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"exec_command\",\"arguments\":\"\"}}]}"),
                delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"cmd\\\":\"}}]}"),
                delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"ls\\\"}\"}}]}"),
                delta("{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"function\":{\"name\":\"apply_patch\",\"arguments\":\"{\\\"input\\\":\\\"*** Begin Patch\\\\n*** End Patch\\\"}\"}}]}"),
                finish("tool_calls")), 0, false)); // ends without [DONE]: the finish_reason is enough
        var c = new ChatCompletionsClient(provider(0, 5000), Map.of());
        List<ResponseEvent> ev = run(c, request(List.of(InitialContext.message("user", "list and patch"))));
        List<ObjectNode> items = ev.stream().filter(e -> e instanceof ResponseEvent.OutputItemDone)
                .map(e -> ((ResponseEvent.OutputItemDone) e).item()).toList();
        assertEquals(2, items.size());
        assertEquals("function_call", items.get(0).path("type").asText());
        assertEquals("call_a", items.get(0).path("call_id").asText());
        assertEquals("{\"cmd\":\"ls\"}", items.get(0).path("arguments").asText());
        assertEquals("custom_tool_call", items.get(1).path("type").asText());
        assertEquals("*** Begin Patch\n*** End Patch", items.get(1).path("input").asText());

        // the next request carries the calls and their outputs back as chat messages
        scripts.add(new Script(200, List.of(delta("{\"content\":\"done\"}"), finish("stop")), 0, true));
        List<ObjectNode> history = new ArrayList<>(List.of(InitialContext.message("user", "list and patch")));
        history.addAll(items);
        history.add(Json.object().put("type", "function_call_output").put("call_id", "call_a").put("output", "a.txt"));
        history.add(Json.object().put("type", "custom_tool_call_output").put("call_id", "call_b").put("output", "Success."));
        run(c, request(history));
        JsonNode msgs = bodies.get(1).path("messages");
        assertEquals("assistant", msgs.get(1).path("role").asText());
        assertEquals(2, msgs.get(1).path("tool_calls").size());
        assertEquals("call_b", msgs.get(1).path("tool_calls").get(1).path("id").asText());
        assertEquals("{\"input\":\"*** Begin Patch\\n*** End Patch\"}",
                msgs.get(1).path("tool_calls").get(1).path("function").path("arguments").asText());
        assertEquals("tool", msgs.get(2).path("role").asText());
        assertEquals("call_a", msgs.get(2).path("tool_call_id").asText());
        assertEquals("a.txt", msgs.get(2).path("content").asText());
        assertEquals("call_b", msgs.get(3).path("tool_call_id").asText());
    }

    @Test
    void aCutStreamIsARetryableDisconnect() {
        scripts.add(new Script(200, List.of(delta("{\"content\":\"par\"}")), 0, false));
        var c = new ChatCompletionsClient(provider(0, 5000), Map.of());
        ModelError e = assertThrows(ModelError.class, () -> run(c, request(List.of(InitialContext.message("user", "x")))));
        assertTrue(e.isStreamDisconnect());
        assertTrue(e.retryable());
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() throws Exception {
        scripts.add(new Script(503, List.of(), 0, false));
        scripts.add(new Script(200, List.of(delta("{\"content\":\"ok\"}"), finish("stop")), 0, true));
        var c = new ChatCompletionsClient(provider(2, 5000), Map.of());
        long t0 = System.nanoTime();
        List<ResponseEvent> ev = run(c, request(List.of(InitialContext.message("user", "x"))));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertInstanceOf(ResponseEvent.Completed.class, ev.getLast());
        assertEquals(2, bodies.size());
        assertTrue(ms >= 180, "first retry waits ~200 ms ±10 %, took " + ms);
    }

    @Test
    void aStallingServerHitsTheIdleTimeout() {
        scripts.add(new Script(200, List.of(delta("{\"content\":\"a\"}"), delta("{\"content\":\"b\"}")), 3000, true));
        var c = new ChatCompletionsClient(provider(0, 300), Map.of());
        long t0 = System.nanoTime();
        ModelError e = assertThrows(ModelError.class, () -> run(c, request(List.of(InitialContext.message("user", "x")))));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(e.getMessage().contains("idle timeout"), e.getMessage());
        assertTrue(ms < 2500, "gave up after " + ms + " ms");
    }
}
