package dev.jcodex.appserver.transport;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.ListeningDaemon;
import dev.jcodex.appserver.testing.MockResponses;
import dev.jcodex.appserver.testing.RawWebSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Threads are process-wide: a second client that resumes a running thread follows it, and the turn of a
 * client that disconnects mid-stream still completes and is persisted.
 */
class MultiClientTest {
    static final String TEXT = "a reply streamed slowly enough for another client to join and the first to leave";

    static JsonNode next(RawWebSocket ws, java.util.function.Predicate<JsonNode> p) throws Exception {
        while (true) {
            String t = ws.readText();
            assertNotNull(t, "connection closed while waiting");
            JsonNode n = Daemon.M.readTree(t);
            if (p.test(n)) return n;
        }
    }

    static JsonNode result(RawWebSocket ws, long id) throws Exception {
        JsonNode r = next(ws, n -> !n.has("method") && n.path("id").asLong(-1) == id);
        assertFalse(r.has("error"), r.toString());
        return r.get("result");
    }

    @Test
    @Timeout(120) // a missing notification must fail the test, not hang the build
    void secondClientFollowsARunningThreadAndTheTurnSurvivesTheFirstClientLeaving() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message(TEXT, 60).delayBetween(100).completed();
            try (ListeningDaemon d = ListeningDaemon.start(mock.configToml(""), Map.of(), "--listen", "ws://127.0.0.1:0");
                 RawWebSocket b = RawWebSocket.tcp(d.port())) {
                RawWebSocket a = RawWebSocket.tcp(d.port());
                a.sendText(WebSocketBridgeTest.INIT);
                b.sendText(WebSocketBridgeTest.INIT);
                result(a, 1);
                result(b, 1);
                a.sendText("{\"id\":2,\"method\":\"thread/start\",\"params\":{\"cwd\":\"" + d.work() + "\"}}");
                String threadId = result(a, 2).path("thread").path("id").asText();
                a.sendText("{\"id\":3,\"method\":\"turn/start\",\"params\":{\"threadId\":\"" + threadId
                        + "\",\"input\":[{\"type\":\"text\",\"text\":\"hi\"}]}}");
                String turnId = result(a, 3).path("turn").path("id").asText();
                next(a, n -> "item/agentMessage/delta".equals(n.path("method").asText()));

                b.sendText("{\"id\":2,\"method\":\"thread/resume\",\"params\":{\"threadId\":\"" + threadId + "\"}}");
                result(b, 2);
                // b follows the running turn: it gets the turn's deltas (or, on a very slow machine, its end)
                JsonNode followed = next(b, n -> "item/agentMessage/delta".equals(n.path("method").asText())
                        || "turn/completed".equals(n.path("method").asText()));
                String followedTurn = followed.has("params") && followed.path("params").has("turnId")
                        ? followed.path("params").path("turnId").asText()
                        : followed.path("params").path("turn").path("id").asText();
                assertEquals(turnId, followedTurn, "b follows the running turn");

                a.close(); // the first client goes away mid-stream
                JsonNode done = "turn/completed".equals(followed.path("method").asText()) ? followed
                        : next(b, n -> "turn/completed".equals(n.path("method").asText()));
                assertEquals("completed", done.path("params").path("turn").path("status").asText());

                b.sendText("{\"id\":3,\"method\":\"thread/read\",\"params\":{\"threadId\":\"" + threadId
                        + "\",\"includeTurns\":true}}");
                JsonNode turn = result(b, 3).path("thread").path("turns").get(0);
                assertEquals("completed", turn.path("status").asText());
                assertTrue(turn.path("items").toString().contains(TEXT), turn.toString());
            }
        }
    }

    /** A client that follows no thread still sees other threads go active and idle (thread lists), nothing more. */
    @Test
    @Timeout(120)
    void statusChangesReachEveryClientButItemsOnlyFollowers() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("short", 3).completed();
            try (ListeningDaemon d = ListeningDaemon.start(mock.configToml(""), Map.of(), "--listen", "ws://127.0.0.1:0");
                 RawWebSocket a = RawWebSocket.tcp(d.port());
                 RawWebSocket b = RawWebSocket.tcp(d.port())) {
                a.sendText(WebSocketBridgeTest.INIT);
                b.sendText(WebSocketBridgeTest.INIT);
                result(a, 1);
                result(b, 1);
                a.sendText("{\"id\":2,\"method\":\"thread/start\",\"params\":{\"cwd\":\"" + d.work() + "\"}}");
                String threadId = result(a, 2).path("thread").path("id").asText();
                a.sendText("{\"id\":3,\"method\":\"turn/start\",\"params\":{\"threadId\":\"" + threadId
                        + "\",\"input\":[{\"type\":\"text\",\"text\":\"hi\"}]}}");
                result(a, 3);
                next(a, n -> "turn/completed".equals(n.path("method").asText()));

                java.util.List<String> seen = new java.util.ArrayList<>();
                JsonNode idle = next(b, n -> {
                    if (n.has("method")) seen.add(n.path("method").asText() + ":" + n.path("params").path("status").path("type").asText());
                    return "thread/status/changed".equals(n.path("method").asText())
                            && "idle".equals(n.path("params").path("status").path("type").asText())
                            && seen.contains("thread/status/changed:active");
                });
                assertEquals(threadId, idle.path("params").path("threadId").asText());
                assertTrue(seen.stream().noneMatch(m -> m.startsWith("item/") || m.startsWith("turn/")),
                        "a client that does not follow the thread hears only its status: " + seen);
            }
        }
    }
}
