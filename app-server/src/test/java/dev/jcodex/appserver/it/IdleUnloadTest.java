package dev.jcodex.appserver.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.ListeningDaemon;
import dev.jcodex.appserver.testing.MockResponses;
import dev.jcodex.appserver.testing.RawWebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A loaded thread nobody follows is unloaded after {@code thread_unload_delay_secs} (set small here), as
 * Codex does: its MCP servers and leftover commands stop, and every connection hears
 * {@code thread/status/changed} notLoaded then {@code thread/closed}. A new subscription stops the clock; a
 * running turn holds the thread until it ends.
 */
class IdleUnloadTest {
    /** An MCP server with no tools that writes its pid to {@code argv[1]}: enough to see it start and stop. */
    static final String MCP_SERVER = """
            import json, os, sys
            with open(sys.argv[1], "w") as f:
                f.write(str(os.getpid()))
            for line in sys.stdin:
                m = json.loads(line)
                if "id" not in m or "method" not in m:
                    continue
                if m["method"] == "initialize":
                    r = {"protocolVersion": m["params"]["protocolVersion"], "capabilities": {"tools": {}},
                         "serverInfo": {"name": "idle", "version": "1"}}
                elif m["method"] == "tools/list":
                    r = {"tools": []}
                else:
                    r = {}
                sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": m["id"], "result": r}) + "\\n")
                sys.stdout.flush()
            """;

    /** Messages of one WebSocket client, read in order. */
    static final class Client implements AutoCloseable {
        final RawWebSocket ws;
        final List<JsonNode> seen = new ArrayList<>();
        long ids = 1;

        Client(int port) throws Exception {
            ws = RawWebSocket.tcp(port);
            result("initialize", Map.of("clientInfo", Map.of("name", "idle-test", "version", "1")));
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

        JsonNode result(String method, Object params) throws Exception {
            long id = ids++;
            ws.sendText(Daemon.M.createObjectNode().put("id", id).put("method", method)
                    .set("params", Daemon.M.valueToTree(params)).toString());
            JsonNode r = next(n -> !n.has("method") && n.path("id").asLong(-1) == id);
            assertFalse(r.has("error"), r.toString());
            return r.get("result");
        }

        /** The next notification {@code method} about {@code threadId}. */
        JsonNode await(String method, String threadId) throws Exception {
            return next(n -> method.equals(n.path("method").asText()) && threadId.equals(n.path("params").path("threadId").asText()));
        }

        @Override
        public void close() throws Exception { ws.close(); }
    }

    static boolean alive(long pid) { return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); }

    static void awaitDead(long pid, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (alive(pid) && System.nanoTime() < deadline) Thread.sleep(50);
        assertFalse(alive(pid), what);
    }

    @Test
    @Timeout(120) // a missing notification must fail the test, not hang the build
    void anUnfollowedThreadIsUnloadedItsProcessesStopAndEveryClientHearsIt() throws Exception {
        Path dir = Files.createTempDirectory("jcodex-idle-");
        Path server = dir.resolve("server.py");
        Path mcpPidFile = dir.resolve("mcp.pid");
        Files.writeString(server, MCP_SERVER);
        try (MockResponses mock = new MockResponses()) {
            // The turn leaves a command running in an exec session (it outlives the call's 300 ms).
            Path pidFile = dir.resolve("sleep.pid");
            String cmd = Daemon.M.createObjectNode().put("cmd", "echo $$ > " + pidFile + "; exec sleep 300")
                    .put("login", false).put("yield_time_ms", 300).toString();
            mock.next().functionCall("c1", "exec_command", cmd).completed();
            mock.next().message("left it running", 1).completed();
            String config = "thread_unload_delay_secs = 1\n" + mock.configToml("""

                    [mcp_servers.py]
                    command = "python3"
                    args = ["%s", "%s"]
                    """.formatted(server, mcpPidFile));
            try (ListeningDaemon d = ListeningDaemon.start(config, Map.of("MOCK_API_KEY", "test-key"),
                    "--listen", "ws://127.0.0.1:0");
                 Client a = new Client(d.port()); Client b = new Client(d.port())) {
                String threadId = a.result("thread/start", Map.of("cwd", d.work().toString(), "sandbox", "danger-full-access"))
                        .path("thread").path("id").asText();
                a.result("turn/start", Map.of("threadId", threadId, "input", List.of(Map.of("type", "text", "text", "start it"))));
                JsonNode done = a.await("turn/completed", threadId);
                assertEquals("completed", done.path("params").path("turn").path("status").asText(), done.toString());
                long sleepPid = Long.parseLong(Files.readString(pidFile).strip());
                long mcpPid = Long.parseLong(Files.readString(mcpPidFile).strip());
                assertTrue(alive(sleepPid) && alive(mcpPid), "the command and the MCP server run while the thread is loaded");

                long unsubscribed = System.nanoTime();
                assertEquals("unsubscribed", a.result("thread/unsubscribe", Map.of("threadId", threadId)).path("status").asText());
                for (Client c : List.of(a, b)) { // b never followed the thread and hears it too, as in Codex
                    // (b also heard the turn's active/idle statuses: every status change reaches every client)
                    JsonNode status;
                    do {
                        status = c.await("thread/status/changed", threadId);
                    } while (!"notLoaded".equals(status.path("params").path("status").path("type").asText()));
                    assertEquals("notLoaded", status.path("params").path("status").path("type").asText(), status.toString());
                    JsonNode closed = c.await("thread/closed", threadId);
                    assertEquals(threadId, closed.path("params").path("threadId").asText());
                }
                long waitedMs = (System.nanoTime() - unsubscribed) / 1_000_000;
                assertTrue(waitedMs >= 900, "unloaded after the 1 s delay, not at once: " + waitedMs + " ms");
                awaitDead(sleepPid, "the exec session's command stops with its thread");
                awaitDead(mcpPid, "the thread's MCP server stops with it");
                assertEquals(0, a.result("thread/loaded/list", Map.of()).path("data").size());
                assertEquals("notLoaded", a.result("thread/unsubscribe", Map.of("threadId", threadId)).path("status").asText());

                // Everything is in the rollout: it resumes with its turn.
                JsonNode resumed = a.result("thread/resume", Map.of("threadId", threadId));
                assertEquals(1, resumed.path("thread").path("turns").size());
                assertEquals("idle", resumed.path("thread").path("status").path("type").asText());

                // A client that goes away unsubscribes from everything: its thread goes the same way.
                // (b follows the first thread from now on, so only the second one is left without anyone.)
                String second = a.result("thread/start", Map.of("cwd", d.work().toString())).path("thread").path("id").asText();
                b.result("thread/resume", Map.of("threadId", threadId));
                a.ws.close();
                b.await("thread/status/changed", second);
                b.await("thread/closed", second);
                JsonNode loaded = b.result("thread/loaded/list", Map.of()).path("data");
                assertEquals(List.of(threadId), List.of(loaded.get(0).asText()), loaded.toString());
            }
        }
    }

    @Test
    @Timeout(120)
    void aNewSubscriptionStopsTheClockAndARunningTurnHoldsTheThreadUntilItEnds() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().message("slow", 1).stall(3000).completed();
            try (Daemon d = Daemon.start("thread_unload_delay_secs = 2\n" + mock.configToml(""))) {
                d.initialize();
                String kept = d.startThread();
                String dropped = d.startThread();
                // Both clocks start (kept's first); kept is resumed at once, so only dropped's may run out.
                d.result(d.request("thread/unsubscribe", Map.of("threadId", kept)));
                d.result(d.request("thread/unsubscribe", Map.of("threadId", dropped)));
                d.result(d.request("thread/resume", Map.of("threadId", kept)));
                d.await(n -> "thread/closed".equals(n.path("method").asText()), Duration.ofSeconds(30));
                List<String> closed = d.received().stream().filter(n -> "thread/closed".equals(n.path("method").asText()))
                        .map(n -> n.path("params").path("threadId").asText()).toList();
                assertEquals(List.of(dropped), closed, "kept's clock stopped when it was resumed");
                assertEquals(List.of(kept), List.of(d.result(d.request("thread/loaded/list", Map.of())).path("data").get(0).asText()));

                // Unsubscribed while its turn runs (3 s): the clock starts when the turn ends, so the thread
                // closes no sooner than 3 + 2 s after the unsubscribe, and its turn completed.
                String busy = d.startThread();
                d.startTurn(busy, "take your time");
                d.awaitNotification("turn/started");
                long unsubscribed = System.nanoTime();
                d.result(d.request("thread/unsubscribe", Map.of("threadId", busy)));
                d.await(n -> "thread/closed".equals(n.path("method").asText())
                        && busy.equals(n.path("params").path("threadId").asText()), Duration.ofSeconds(60));
                long waitedMs = (System.nanoTime() - unsubscribed) / 1_000_000;
                assertTrue(waitedMs >= 4_000, "closed " + waitedMs + " ms after the unsubscribe: before its turn ended + 2 s");
                JsonNode turns = d.result(d.request("thread/read", Map.of("threadId", busy, "includeTurns", true)))
                        .path("thread").path("turns");
                assertEquals("completed", turns.get(0).path("status").asText(), turns.toString());
                assertTrue(d.badLines().isEmpty(), d.badLines().toString());
            }
        }
    }
}
