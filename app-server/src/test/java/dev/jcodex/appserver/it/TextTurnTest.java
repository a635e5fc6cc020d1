package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTurnTest {
    static final String TEXT = "Hello! This reply is streamed in exactly twenty small deltas, one after another.";

    @Test
    void streamedTurnEmitsEveryNotificationInOrder() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().reasoning("Thinking briefly.").message(TEXT, 20).completed(100, 26);
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = d.startThread();
                JsonNode started = d.awaitNotification("thread/started");
                assertEquals(threadId, started.path("params").path("thread").path("id").asText());
                String turnId = d.startTurn(threadId, "Say hello.");
                JsonNode done = d.awaitNotification("turn/completed");
                assertEquals("completed", done.path("params").path("turn").path("status").asText());
                assertEquals(turnId, done.path("params").path("turn").path("id").asText());

                List<String> m = d.methods();
                List<String> expected = List.of("thread/started", "thread/status/changed", "turn/started",
                        "item/started", "item/completed", // userMessage
                        "item/started", "item/reasoning/summaryPartAdded", "item/reasoning/summaryTextDelta",
                        "item/completed", // reasoning
                        "item/started"); // agentMessage
                assertEquals(expected, m.subList(0, expected.size()));
                long deltas = m.stream().filter("item/agentMessage/delta"::equals).count();
                assertEquals(20, deltas);
                List<String> tail = m.subList(m.size() - 6, m.size());
                // as Codex 0.171 orders them: the usage, the response's rate limits, the read state, idle
                assertEquals(List.of("item/completed", "thread/tokenUsage/updated", "account/rateLimits/updated",
                        "thread/readState/changed",
                        "thread/status/changed", "turn/completed"), tail);

                StringBuilder joined = new StringBuilder();
                JsonNode agentDone = null;
                for (JsonNode n : d.received()) {
                    String method = n.path("method").asText();
                    if (method.equals("item/agentMessage/delta")) {
                        joined.append(n.path("params").path("delta").asText());
                        assertEquals(turnId, n.path("params").path("turnId").asText());
                    }
                    if (method.equals("item/completed") && n.path("params").path("item").path("type").asText().equals("agentMessage")) {
                        agentDone = n;
                    }
                    if (n.has("method")) assertTrue(n.has("emittedAtMs"), "notifications carry emittedAtMs");
                }
                assertEquals(TEXT, joined.toString());
                assertNotNull(agentDone);
                assertEquals(TEXT, agentDone.path("params").path("item").path("text").asText());
                JsonNode usage = d.received().stream().filter(n -> n.path("method").asText().equals("thread/tokenUsage/updated"))
                        .findFirst().orElseThrow().path("params").path("tokenUsage");
                assertEquals(126, usage.path("total").path("totalTokens").asLong());
                assertEquals(100, usage.path("last").path("inputTokens").asLong());

                JsonNode body = mock.requests().getFirst();
                assertEquals("mock-model", body.path("model").asText());
                assertTrue(body.path("stream").asBoolean());
                JsonNode lastInput = body.path("input").get(body.path("input").size() - 1);
                assertEquals("Say hello.", lastInput.path("content").get(0).path("text").asText());
                assertEquals("Bearer test-key", mock.requestHeaders().getFirst().getFirst("authorization"));
                assertEquals("jcodex-test", mock.requestHeaders().getFirst().getFirst("originator"));
                assertTrue(d.badLines().isEmpty());
            }
        }
    }

    @Test
    void secondTurnResendsTheWholeHistory() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("first answer", 2).completed();
            mock.next().message("second answer", 2).completed();
            try (Daemon d = Daemon.start(mock.configToml(""))) {
                d.initialize();
                String threadId = d.startThread();
                d.startTurn(threadId, "one");
                d.awaitNotification("turn/completed");
                d.startTurn(threadId, "two");
                d.awaitNotification("turn/completed");
                String second = mock.requests().get(1).path("input").toString();
                assertTrue(second.contains("\"one\"") && second.contains("first answer") && second.contains("\"two\""), second);
            }
        }
    }
}
