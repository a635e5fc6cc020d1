package dev.jcodex.appserver.transport;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.ListeningDaemon;
import dev.jcodex.appserver.testing.MockResponses;
import dev.jcodex.appserver.testing.RawWebSocket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Approvals when several clients follow one thread (over WebSocket, the real daemon): every follower is
 * asked, with one id; the first answer wins; each client hears serverRequest/resolved once, before the
 * item completes; a client that leaves does not cancel a question another follower can still answer, and
 * only when nobody is left is it cancelled, so the turn still ends.
 */
class MultiClientApprovalTest {
    static final String APPROVAL = "item/commandExecution/requestApproval";
    static final String RESOLVED = "serverRequest/resolved";

    /** One WebSocket client that remembers everything it received, in order. */
    static final class Peer implements AutoCloseable {
        final RawWebSocket ws;
        final List<JsonNode> seen = new ArrayList<>();
        private int nextId = 10;

        Peer(int port) throws Exception {
            ws = RawWebSocket.tcp(port);
            ws.sendText(WebSocketBridgeTest.INIT);
            result(1);
        }

        JsonNode next(Predicate<JsonNode> p) throws Exception {
            while (true) {
                String t = ws.readText();
                assertNotNull(t, "connection closed while waiting");
                JsonNode n = Daemon.M.readTree(t);
                seen.add(n);
                if (p.test(n)) return n;
            }
        }

        JsonNode result(long id) throws Exception {
            JsonNode r = next(n -> !n.has("method") && n.path("id").asLong(-1) == id);
            assertFalse(r.has("error"), r.toString());
            return r.get("result");
        }

        JsonNode call(String method, Object params) throws Exception {
            int id = nextId++;
            ws.sendText(Daemon.M.writeValueAsString(Map.of("id", id, "method", method, "params", params)));
            return result(id);
        }

        JsonNode serverRequest(String method) throws Exception {
            return next(n -> method.equals(n.path("method").asText()) && n.has("id"));
        }

        void answer(JsonNode request, String decision) throws Exception {
            ws.sendText(Daemon.M.writeValueAsString(Map.of("id", request.get("id"), "result", Map.of("decision", decision))));
        }

        JsonNode turnCompleted() throws Exception {
            return next(n -> "turn/completed".equals(n.path("method").asText()));
        }

        List<JsonNode> notes(String method) {
            return seen.stream().filter(n -> method.equals(n.path("method").asText()) && !n.has("id")).toList();
        }

        int index(Predicate<JsonNode> p) {
            for (int i = 0; i < seen.size(); i++) if (p.test(seen.get(i))) return i;
            return -1;
        }

        /** serverRequest/resolved for {@code id} came exactly once, and before the command's item completed. */
        void assertResolvedOnceBeforeTheItemCompleted(long id) {
            assertEquals(1, notes(RESOLVED).stream()
                    .filter(n -> n.path("params").path("requestId").asLong() == id).count(), seen.toString());
            int resolved = index(n -> RESOLVED.equals(n.path("method").asText()));
            int itemDone = index(n -> "item/completed".equals(n.path("method").asText())
                    && "commandExecution".equals(n.path("params").path("item").path("type").asText()));
            assertTrue(resolved >= 0 && itemDone > resolved, "resolved precedes the item's completion: " + seen);
        }

        @Override
        public void close() throws Exception { ws.close(); }
    }

    static void script(MockResponses mock) {
        String args = Daemon.M.createObjectNode().put("cmd", "echo hi > out.txt").put("login", false)
                .put("yield_time_ms", 10_000).toString();
        mock.next().functionCall("call_1", "exec_command", args).completed();
        mock.next().message("I wrote out.txt.", 2).completed();
    }

    static ListeningDaemon daemon(MockResponses mock) throws Exception {
        return ListeningDaemon.start(mock.configToml(""), Map.of(), "--listen", "ws://127.0.0.1:0");
    }

    static String startThread(Peer a, ListeningDaemon d) throws Exception {
        return a.call("thread/start", Map.of("cwd", d.work().toString(), "approvalPolicy", "untrusted",
                "sandbox", "workspace-write")).path("thread").path("id").asText();
    }

    static void startTurn(Peer a, String threadId) throws Exception {
        a.call("turn/start", Map.of("threadId", threadId, "input", List.of(Map.of("type", "text", "text", "write hi"))));
    }

    @Test
    @Timeout(120)
    void everyFollowerIsAskedWithOneIdAndTheFirstAnswerWins() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            script(mock);
            try (ListeningDaemon d = daemon(mock); Peer a = new Peer(d.port()); Peer b = new Peer(d.port())) {
                String threadId = startThread(a, d);
                b.call("thread/resume", Map.of("threadId", threadId));
                startTurn(a, threadId);

                JsonNode askedA = a.serverRequest(APPROVAL);
                JsonNode askedB = b.serverRequest(APPROVAL);
                assertEquals(askedA.get("id"), askedB.get("id"), "one request, one id on every connection");
                assertEquals(askedA.get("params"), askedB.get("params"));
                long id = askedA.get("id").asLong();

                b.answer(askedB, "accept");
                a.next(n -> RESOLVED.equals(n.path("method").asText()));
                a.answer(askedA, "decline"); // too late: b's answer won, this one is ignored

                assertEquals("completed", a.turnCompleted().path("params").path("turn").path("status").asText());
                assertEquals("completed", b.turnCompleted().path("params").path("turn").path("status").asText());
                assertEquals("hi\n", Files.readString(d.work().resolve("out.txt")), "the first answer (accept) won");
                a.assertResolvedOnceBeforeTheItemCompleted(id);
                b.assertResolvedOnceBeforeTheItemCompleted(id);
                assertEquals(1, a.seen.stream().filter(n -> APPROVAL.equals(n.path("method").asText())).count());
                // the daemon still serves the client whose answer came late
                assertEquals(threadId, a.call("thread/read", Map.of("threadId", threadId)).path("thread").path("id").asText());
            }
        }
    }

    @Test
    @Timeout(120)
    void aClientLeavingDoesNotCancelWhatAnotherFollowerCanAnswer() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            script(mock);
            try (ListeningDaemon d = daemon(mock); Peer b = new Peer(d.port())) {
                Peer a = new Peer(d.port());
                String threadId = startThread(a, d);
                b.call("thread/resume", Map.of("threadId", threadId));
                startTurn(a, threadId);
                a.serverRequest(APPROVAL);
                JsonNode asked = b.serverRequest(APPROVAL);

                a.close(); // the client that started the turn goes away while the question waits
                b.call("thread/loaded/list", Map.of()); // a round trip, so the close usually lands first
                b.answer(asked, "accept");

                JsonNode done = b.turnCompleted();
                assertEquals("completed", done.path("params").path("turn").path("status").asText());
                assertEquals("hi\n", Files.readString(d.work().resolve("out.txt")));
                b.assertResolvedOnceBeforeTheItemCompleted(asked.get("id").asLong());
                assertEquals("completed", b.notes("item/completed").stream()
                        .filter(n -> "commandExecution".equals(n.path("params").path("item").path("type").asText()))
                        .findFirst().orElseThrow().path("params").path("item").path("status").asText());
                assertEquals(2, mock.requests().size(), "the model heard the command's output");
            }
        }
    }

    @Test
    @Timeout(120)
    void aClientThatResumesWhileTheQuestionWaitsIsAskedTooAndCanAnswer() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            script(mock);
            try (ListeningDaemon d = daemon(mock); Peer a = new Peer(d.port()); Peer b = new Peer(d.port())) {
                String threadId = startThread(a, d);
                startTurn(a, threadId);
                JsonNode askedA = a.serverRequest(APPROVAL);

                b.call("thread/resume", Map.of("threadId", threadId));
                JsonNode askedB = b.serverRequest(APPROVAL); // after its resume response
                assertEquals(askedA.get("id"), askedB.get("id"));
                b.answer(askedB, "accept");

                assertEquals("completed", a.turnCompleted().path("params").path("turn").path("status").asText());
                assertEquals("completed", b.turnCompleted().path("params").path("turn").path("status").asText());
                a.assertResolvedOnceBeforeTheItemCompleted(askedA.get("id").asLong());
                b.assertResolvedOnceBeforeTheItemCompleted(askedB.get("id").asLong());
                assertEquals("hi\n", Files.readString(d.work().resolve("out.txt")));
            }
        }
    }

    @Test
    @Timeout(120)
    void aClientThatUnsubscribesHearsResolvedAndTheOtherStillAnswers() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            script(mock);
            try (ListeningDaemon d = daemon(mock); Peer a = new Peer(d.port()); Peer b = new Peer(d.port())) {
                String threadId = startThread(a, d);
                b.call("thread/resume", Map.of("threadId", threadId));
                startTurn(a, threadId);
                JsonNode askedA = a.serverRequest(APPROVAL);
                JsonNode askedB = b.serverRequest(APPROVAL);

                assertEquals("unsubscribed", b.call("thread/unsubscribe", Map.of("threadId", threadId)).path("status").asText());
                assertEquals(1, b.notes(RESOLVED).size(), "b's copy is resolved when it leaves: " + b.seen);
                assertEquals(askedB.get("id").asLong(), b.notes(RESOLVED).getFirst().path("params").path("requestId").asLong());

                a.answer(askedA, "accept");
                assertEquals("completed", a.turnCompleted().path("params").path("turn").path("status").asText());
                a.assertResolvedOnceBeforeTheItemCompleted(askedA.get("id").asLong());
                assertEquals("hi\n", Files.readString(d.work().resolve("out.txt")));
            }
        }
    }

    @Test
    @Timeout(120)
    void whenTheLastFollowerLeavesTheQuestionIsCancelledAndTheTurnEnds() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            script(mock);
            try (ListeningDaemon d = daemon(mock); Peer observer = new Peer(d.port())) {
                Peer a = new Peer(d.port());
                String threadId = startThread(a, d);
                startTurn(a, threadId);
                a.serverRequest(APPROVAL);
                a.close();

                // the observer only reads the thread (thread/read does not subscribe, so it is never asked)
                String status = "inProgress";
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (status.equals("inProgress") && System.nanoTime() < deadline) {
                    JsonNode turns = observer.call("thread/read", Map.of("threadId", threadId, "includeTurns", true))
                            .path("thread").path("turns");
                    status = turns.path(turns.size() - 1).path("status").asText();
                    if (status.equals("inProgress")) Thread.sleep(50); // polling a condition, with a deadline
                }
                assertEquals("interrupted", status, "nobody is left to answer: cancel, and the turn ends");
                assertFalse(Files.exists(d.work().resolve("out.txt")), "nothing ran unapproved");
                assertEquals(1, mock.requests().size(), "a cancel does not go back to the model");
                assertTrue(observer.seen.stream().noneMatch(n -> APPROVAL.equals(n.path("method").asText())));
            }
        }
    }
}
