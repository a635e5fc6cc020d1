package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.appserver.AppServer;
import dev.jcodex.appserver.exec.InProcessClient;
import dev.jcodex.appserver.testing.MockResponses;
import dev.jcodex.core.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request_user_input tool and its item/tool/requestUserInput server request, in process: Plan mode only
 * (as on Codex 0.171), every follower asked, first answer wins, and interrupt or disconnect never leave the
 * turn waiting.
 */
class RequestUserInputTest {
    private static final String ARGS = """
            {"questions":[{"id":"db","header":"Database","question":"Which database?",
             "options":[{"label":"Postgres (Recommended)","description":"Robust."},{"label":"SQLite","description":"Small."}]}]}""";
    private static final Map<String, Object> PLAN = Map.of("mode", "plan", "settings", Map.of("model", "mock-model"));

    @TempDir Path root;
    private MockResponses mock;
    private AppServer server;

    @BeforeEach
    void setUp() throws Exception {
        mock = new MockResponses();
        Path home = Files.createDirectories(root.resolve("home"));
        Files.writeString(home.resolve("config.toml"), mock.keylessConfigToml(""));
        server = new AppServer(new ConfigLoader(home, List.of(), null));
    }

    private InProcessClient client() {
        InProcessClient c = new InProcessClient(server);
        c.call("initialize", Map.of("clientInfo", Map.of("name", "t", "version", "1")));
        c.notify("initialized");
        return c;
    }

    private static ObjectNode await(InProcessClient c, Predicate<JsonNode> p, List<ObjectNode> seen) throws Exception {
        long end = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < end) {
            ObjectNode m = c.next(100);
            if (m == null) continue;
            seen.add(m);
            if (p.test(m)) return m;
        }
        fail("not received; got " + seen);
        return null;
    }

    private static Predicate<JsonNode> method(String m) { return n -> m.equals(n.path("method").asText()); }

    private String startThread(InProcessClient c) {
        return c.call("thread/start", Map.of("cwd", root.toString())).path("thread").path("id").asText();
    }

    private void startTurn(InProcessClient c, String thread, Map<String, Object> mode) {
        Map<String, Object> p = new java.util.HashMap<>(Map.of("threadId", thread,
                "input", List.of(Map.of("type", "text", "text", "ask me"))));
        if (mode != null) p.put("collaborationMode", mode);
        c.call("turn/start", p);
    }

    /** The output the model got for call {@code callId}, from the next request's input. */
    private String outputSentToModel(String callId) throws Exception {
        long end = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < end) {
            for (JsonNode req : mock.requests()) {
                for (JsonNode item : req.path("input")) {
                    if ("function_call_output".equals(item.path("type").asText()) && callId.equals(item.path("call_id").asText())) {
                        return item.path("output").asText();
                    }
                }
            }
            Thread.sleep(20);
        }
        fail("no output for " + callId);
        return null;
    }

    @Test
    void theToolIsOfferedWithItsSchemaAndIsUnavailableOutsidePlanMode() throws Exception {
        mock.next().functionCall("call_1", "request_user_input", ARGS).completed();
        mock.next().message("ok", 1).completed();
        try (InProcessClient c = client()) {
            startTurn(c, startThread(c), null);
            List<ObjectNode> seen = new ArrayList<>();
            await(c, method("turn/completed"), seen);
            assertTrue(seen.stream().noneMatch(method("item/tool/requestUserInput")::test));
            assertEquals("request_user_input is unavailable in Default mode", outputSentToModel("call_1"));
            JsonNode tool = null;
            for (JsonNode t : mock.requests().getFirst().path("tools")) if ("request_user_input".equals(t.path("name").asText())) tool = t;
            assertNotNull(tool, "request_user_input is offered");
            JsonNode item = tool.path("parameters").path("properties").path("questions").path("items");
            assertEquals(List.of("id", "header", "question", "options"), iterable(item.path("required")));
            assertEquals(List.of("label", "description"),
                    iterable(item.path("properties").path("options").path("items").path("required")));
            // the default tools in 0.171's order, and exec_command's escalation values as its enum
            List<String> names = new ArrayList<>();
            JsonNode exec = null;
            for (JsonNode t : mock.requests().getFirst().path("tools")) {
                names.add(t.path("name").asText());
                if ("exec_command".equals(t.path("name").asText())) exec = t;
            }
            assertEquals(List.of("exec_command", "write_stdin", "request_user_input", "apply_patch"), names.subList(0, 4));
            assertEquals(List.of("use_default", "require_escalated"),
                    iterable(exec.path("parameters").path("properties").path("sandbox_permissions").path("enum")));
        }
    }

    private static List<String> iterable(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void inPlanModeEveryFollowerIsAskedAndTheFirstAnswerWins() throws Exception {
        mock.next().functionCall("call_2", "request_user_input", ARGS).completed();
        mock.next().message("thanks", 1).completed();
        try (InProcessClient a = client(); InProcessClient b = client()) {
            String thread = startThread(a);
            b.call("thread/resume", Map.of("threadId", thread));
            startTurn(a, thread, PLAN);
            List<ObjectNode> seenA = new ArrayList<>();
            List<ObjectNode> seenB = new ArrayList<>();
            ObjectNode askA = await(a, method("item/tool/requestUserInput"), seenA);
            ObjectNode askB = await(b, method("item/tool/requestUserInput"), seenB);
            assertEquals(askA.get("id"), askB.get("id"));
            JsonNode p = askA.path("params");
            assertEquals("call_2", p.path("itemId").asText());
            assertTrue(p.path("isBlocking").asBoolean());
            JsonNode q = p.path("questions").get(0);
            assertEquals("db", q.path("id").asText());
            assertTrue(q.path("isOther").asBoolean());
            assertFalse(q.path("isSecret").asBoolean());
            assertEquals("SQLite", q.path("options").get(1).path("label").asText());
            assertTrue(seenA.stream().anyMatch(n -> n.path("params").path("status").path("activeFlags").toString()
                    .contains("waitingOnUserInput")), seenA.toString());

            b.respond(askB.get("id"), Map.of("answers", Map.of("db", Map.of("answers", List.of("SQLite")))));
            // each connection has its own processor: a's late answer is sent once b's has been taken, so "first"
            // is well defined; it must be ignored
            await(b, method("serverRequest/resolved"), seenB);
            a.respond(askA.get("id"), Map.of("answers", Map.of("db", Map.of("answers", List.of("Postgres")))));
            await(a, method("serverRequest/resolved"), seenA);
            await(a, method("turn/completed"), seenA);
            assertEquals("{\"answers\":{\"db\":{\"answers\":[\"SQLite\"]}}}", outputSentToModel("call_2"));
        }
    }

    @Test
    void anInterruptResolvesTheQuestionAndEndsTheTurn() throws Exception {
        mock.next().functionCall("call_3", "request_user_input", ARGS).completed();
        try (InProcessClient c = client()) {
            String thread = startThread(c);
            startTurn(c, thread, PLAN);
            List<ObjectNode> seen = new ArrayList<>();
            await(c, method("item/tool/requestUserInput"), seen);
            String turn = seen.stream().filter(method("turn/started")::test).findFirst().orElseThrow()
                    .path("params").path("turn").path("id").asText();
            c.call("turn/interrupt", Map.of("threadId", thread, "turnId", turn));
            await(c, method("serverRequest/resolved"), seen);
            JsonNode done = await(c, method("turn/completed"), seen);
            assertEquals("interrupted", done.path("params").path("turn").path("status").asText());
        }
    }

    @Test
    void whenTheOnlyClientDisconnectsTheModelIsToldNobodyAnswered() throws Exception {
        mock.next().functionCall("call_4", "request_user_input", ARGS).completed();
        mock.next().message("nobody there", 1).completed();
        InProcessClient c = client();
        String thread = startThread(c);
        startTurn(c, thread, PLAN);
        await(c, method("item/tool/requestUserInput"), new ArrayList<>());
        c.close();
        assertTrue(outputSentToModel("call_4").contains("no client answered"));
        // the turn went on and ended: the thread takes a new turn
        long end = System.currentTimeMillis() + 20_000;
        while (server.threads().get(thread).activeTurn() != null && System.currentTimeMillis() < end) Thread.sleep(20);
        assertNull(server.threads().get(thread).activeTurn());
    }

    @Test
    void badCollaborationModeIsInvalidParamsNamingTheField() throws Exception {
        try (InProcessClient c = client()) {
            String thread = startThread(c);
            var e = assertThrows(InProcessClient.RpcError.class, () -> startTurn(c, thread, Map.of("mode", "chaos")));
            assertEquals(-32602, e.code());
            assertTrue(e.getMessage().contains("collaborationMode.mode"), e.getMessage());
        }
    }
}
