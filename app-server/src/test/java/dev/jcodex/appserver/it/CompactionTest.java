package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Auto and manual compaction over stdio against the mock Responses server. */
class CompactionTest {
    /** A 1000-token window: the default limit is 90 % of it, 900. */
    private static final String SMALL_WINDOW = "model_context_window = 1000\n";

    @Test
    void fullWindowCompactsBeforeTheNextTurnAndResumeKeepsTheSummary() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("FIRST ANSWER", 1).completed(100, 20);
            mock.next().message("SECOND ANSWER", 1).completed(880, 30); // 910 >= 900
            mock.next().message("HANDOFF NOTES: the user is building a parser", 2).completed(300, 40);
            mock.next().message("THIRD ANSWER", 1).completed(200, 10);
            Path home;
            Path work;
            String threadId;
            try (Daemon d = Daemon.start(config(mock, SMALL_WINDOW))) {
                home = d.home();
                work = d.work();
                d.initialize();
                threadId = d.startThread();
                turn(d, threadId, "first question");
                turn(d, threadId, "second question");
                assertEquals(2, mock.requests().size());
                JsonNode done = turn(d, threadId, "third question");
                assertEquals("completed", done.path("params").path("turn").path("status").asText());

                List<JsonNode> reqs = mock.requests();
                assertEquals(4, reqs.size());
                JsonNode summaryReq = reqs.get(2);
                assertTrue(lastText(summaryReq).contains("hand-off note"), "the compaction prompt is the last input");
                assertTrue(summaryReq.path("input").toString().contains("SECOND ANSWER"), "it summarises everything");
                assertEquals(0, summaryReq.path("tools").size());

                String next = reqs.get(3).path("input").toString();
                assertTrue(next.contains("HANDOFF NOTES: the user is building a parser"));
                assertTrue(next.contains("first question") && next.contains("second question") && next.contains("third question"));
                assertFalse(next.contains("FIRST ANSWER") || next.contains("SECOND ANSWER"), next);
                assertFalse(next.contains("hand-off note"), "the prompt itself is not kept");
                assertTrue(next.contains("<environment_context>"), "initial context is rebuilt");

                List<JsonNode> compactions = ToolTurns.completed(d, "contextCompaction");
                assertEquals(1, compactions.size());
                assertTrue(compactions.getFirst().path("completedAtMs").isNumber());
                ModelFailureTest.assertStartedItemsCompleted(d.received());
                assertEquals(List.of(), d.badLines());
            }
            try (Stream<Path> files = Files.walk(home.resolve("sessions"))) {
                Path rollout = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
                String text = Files.readString(rollout);
                assertTrue(text.contains("\"type\":\"compacted\""), "the rollout records the compaction");
            }
            mock.next().message("FOURTH ANSWER", 1).completed(200, 10);
            try (Daemon d = Daemon.restart(home, work)) {
                d.initialize();
                d.result(d.request("thread/resume", Map.of("threadId", threadId)));
                turn(d, threadId, "fourth question");
                String resumed = mock.requests().getLast().path("input").toString();
                assertTrue(resumed.contains("HANDOFF NOTES"), resumed);
                assertTrue(resumed.contains("THIRD ANSWER") && resumed.contains("fourth question"));
                assertFalse(resumed.contains("FIRST ANSWER") || resumed.contains("SECOND ANSWER"), resumed);
            }
        }
    }

    @Test
    void fullWindowAfterAToolRoundCompactsMidTurn() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().functionCall("call_1", "exec_command", ToolTurns.args("echo tool-ran")).completed(920, 10);
            mock.next().message("MID-TURN NOTES", 1).completed(300, 40);
            mock.next().message("done", 1).completed(200, 10);
            try (Daemon d = Daemon.start(config(mock, SMALL_WINDOW))) {
                d.initialize();
                String threadId = d.startThread();
                JsonNode done = turn(d, threadId, "run the tool");
                assertEquals("completed", done.path("params").path("turn").path("status").asText());
                List<JsonNode> reqs = mock.requests();
                assertEquals(3, reqs.size());
                assertTrue(reqs.get(1).path("input").toString().contains("tool-ran"), "the summary sees the tool output");
                String after = reqs.get(2).path("input").toString();
                assertTrue(after.contains("MID-TURN NOTES") && after.contains("run the tool"), after);
                assertFalse(after.contains("call_1"), "the tool round is replaced by the summary");
                assertEquals(1, ToolTurns.completed(d, "contextCompaction").size());
                ModelFailureTest.assertStartedItemsCompleted(d.received());
            }
        }
    }

    @Test
    void manualCompactionRunsATurnWithOnlyTheCompactionItemAndHonoursCompactPrompt() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("FIRST ANSWER", 1).completed(100, 20);
            mock.next().message("MANUAL NOTES", 1).completed(150, 20);
            mock.next().message("after", 1).completed(100, 20);
            try (Daemon d = Daemon.start(config(mock, "compact_prompt = \"CUSTOM SUMMARY PLEASE\"\n"))) {
                d.initialize();
                String threadId = d.startThread();
                turn(d, threadId, "first question");
                JsonNode r = d.result(d.request("thread/compact/start", Map.of("threadId", threadId)));
                assertEquals(0, r.size(), "the result is {}");
                JsonNode started = d.awaitNotification("turn/started");
                String turnId = started.path("params").path("turn").path("id").asText();
                JsonNode done = d.awaitNotification("turn/completed");
                assertEquals(turnId, done.path("params").path("turn").path("id").asText());
                assertEquals("completed", done.path("params").path("turn").path("status").asText());
                List<String> types = itemTypesOfTurn(d, turnId);
                assertEquals(List.of("contextCompaction"), types);
                assertEquals("CUSTOM SUMMARY PLEASE", lastText(mock.requests().get(1)));

                turn(d, threadId, "second question");
                String next = mock.requests().get(2).path("input").toString();
                assertTrue(next.contains("MANUAL NOTES") && next.contains("first question"));
                assertFalse(next.contains("FIRST ANSWER"), next);

                JsonNode bad = d.awaitResponse(d.request("thread/compact/start", Map.of("threadId", "nope")));
                assertEquals(-32600, bad.path("error").path("code").asInt());
            }
        }
    }

    @Test
    void aFailedSummaryRequestClosesTheItemFailsTheTurnAndKeepsTheHistory() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("FIRST ANSWER", 1).completed(100, 20);
            mock.httpError(500, "{\"error\":{\"message\":\"summary boom\"}}");
            mock.next().message("still here", 1).completed(100, 20);
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = d.startThread();
                turn(d, threadId, "first question");
                d.result(d.request("thread/compact/start", Map.of("threadId", threadId)));
                JsonNode done = d.awaitNotification("turn/completed");
                assertEquals("failed", done.path("params").path("turn").path("status").asText());
                assertFalse(done.path("params").path("turn").path("error").isNull());
                assertEquals(1, ToolTurns.completed(d, "contextCompaction").size(), "the item is closed");
                ModelFailureTest.assertStartedItemsCompleted(d.received());

                JsonNode again = turn(d, threadId, "second question");
                assertEquals("completed", again.path("params").path("turn").path("status").asText());
                String next = mock.requests().getLast().path("input").toString();
                assertTrue(next.contains("FIRST ANSWER"), "history untouched after a failed compaction");
            }
        }
    }

    @Test
    void contextWindowExceededCompactsOnTheNextTurn() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("FIRST ANSWER", 1).completed(100, 20);
            mock.next().failed("context_length_exceeded", "too long");
            mock.next().message("RECOVERY NOTES", 1).completed(100, 20);
            mock.next().message("back on track", 1).completed(100, 20);
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = d.startThread();
                turn(d, threadId, "first question");
                JsonNode failed = turn(d, threadId, "second question");
                assertEquals("contextWindowExceeded",
                        failed.path("params").path("turn").path("error").path("codexErrorInfo").asText());
                JsonNode ok = turn(d, threadId, "third question");
                assertEquals("completed", ok.path("params").path("turn").path("status").asText());
                List<JsonNode> reqs = mock.requests();
                assertEquals(4, reqs.size(), reqs.stream().map(CompactionTest::lastText).toList().toString());
                assertTrue(lastText(reqs.get(2)).contains("hand-off note"));
                String next = reqs.get(3).path("input").toString();
                assertTrue(next.contains("RECOVERY NOTES") && !next.contains("FIRST ANSWER"), next);
            }
        }
    }

    /** Top-level keys go before the mock's tables (after them they would land in [model_providers.mock]). */
    private static String config(MockResponses mock, String topLevel) {
        return topLevel + mock.configToml("");
    }

    private static JsonNode turn(Daemon d, String threadId, String text) throws Exception {
        String turnId = d.startTurn(threadId, text);
        return d.await(n -> "turn/completed".equals(n.path("method").asText())
                && turnId.equals(n.path("params").path("turn").path("id").asText()), Daemon.TIMEOUT);
    }

    private static String lastText(JsonNode request) {
        JsonNode input = request.path("input");
        JsonNode last = input.get(input.size() - 1);
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : last.path("content")) sb.append(c.path("text").asText(""));
        return sb.toString();
    }

    private static List<String> itemTypesOfTurn(Daemon d, String turnId) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : ToolTurns.notes(d, "item/started")) {
            if (turnId.equals(n.path("params").path("turnId").asText())) out.add(n.path("params").path("item").path("type").asText());
        }
        return out;
    }
}
