package dev.jcodex.appserver.mcp;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MCP tool calls under the approval policy, over stdio against a small Python MCP server that logs every
 * call it runs: a read-only tool runs unasked; a tool not marked read-only asks with Codex's
 * {@code mcpServer/elicitation/request} tool-approval shape; decline fails the item and tells the model;
 * accept with {@code _meta.persist: "session"} lets later calls through; {@code never} runs without asking.
 * Archiving the thread stops its server process.
 */
class McpApprovalTest {
    static final String SERVER = """
            import json, os, sys
            log = sys.argv[1]
            with open(log + ".pids", "a") as f:
                f.write(str(os.getpid()) + "\\n")
            for line in sys.stdin:
                m = json.loads(line)
                if "id" not in m or "method" not in m:
                    continue
                meth, i = m["method"], m["id"]
                if meth == "initialize":
                    r = {"protocolVersion": m["params"]["protocolVersion"], "capabilities": {"tools": {}},
                         "serverInfo": {"name": "py", "version": "1"}}
                elif meth == "tools/list":
                    r = {"tools": [
                        {"name": "write", "title": "Write a note", "description": "writes a note",
                         "inputSchema": {"type": "object", "properties": {"note": {"type": "string"}}}},
                        {"name": "peek", "description": "reads", "annotations": {"readOnlyHint": True},
                         "inputSchema": {"type": "object"}}]}
                elif meth == "tools/call":
                    with open(log, "a") as f:
                        f.write(json.dumps(m["params"]) + "\\n")
                    r = {"content": [{"type": "text", "text": "ran " + m["params"]["name"]}]}
                else:
                    r = {}
                sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": i, "result": r}) + "\\n")
                sys.stdout.flush()
            """;

    @Test
    void declineAcceptForSessionNeverAndUnloadStopsTheServer() throws Exception {
        Path dir = Files.createTempDirectory("jcodex-mcp-approval-");
        Path script = dir.resolve("server.py");
        Path log = dir.resolve("calls.log");
        Files.writeString(script, SERVER);
        try (MockResponses mock = new MockResponses()) {
            // turn 1: read-only peek runs unasked, write asks and is declined
            mock.next().functionCall("c_peek", "mcp__py__peek", "{}").functionCall("c1", "mcp__py__write", "{\"note\":\"one\"}").completed();
            mock.next().message("declined, fine", 1).completed();
            // turn 2: accepted for the session; turn 3: runs without asking
            mock.next().functionCall("c2", "mcp__py__write", "{\"note\":\"two\"}").completed();
            mock.next().message("written", 1).completed();
            mock.next().functionCall("c3", "mcp__py__write", "{\"note\":\"three\"}").completed();
            mock.next().message("written again", 1).completed();
            // turn 4, on a thread with approvalPolicy never: runs without asking
            mock.next().functionCall("c4", "mcp__py__write", "{\"note\":\"four\"}").completed();
            mock.next().message("never asked", 1).completed();
            String config = mock.configToml("""

                    [mcp_servers.py]
                    command = "python3"
                    args = ["%s", "%s"]
                    """.formatted(script, log));
            try (Daemon d = Daemon.start(config)) {
                d.initialize();
                String threadId = d.result(d.request("thread/start", Map.of("cwd", d.work().toString(),
                        "approvalPolicy", "on-request"))).path("thread").path("id").asText();

                String turn1 = d.startTurn(threadId, "write one");
                JsonNode req = d.awaitServerRequest("mcpServer/elicitation/request");
                JsonNode p = req.path("params");
                assertEquals(threadId, p.path("threadId").asText());
                assertEquals(turn1, p.path("turnId").asText());
                assertEquals("py", p.path("serverName").asText());
                assertEquals("form", p.path("mode").asText());
                assertEquals("Allow the py MCP server to run tool \"write\"?", p.path("message").asText());
                assertEquals("object", p.path("requestedSchema").path("type").asText());
                assertEquals(0, p.path("requestedSchema").path("properties").size());
                assertEquals("mcp_tool_call", p.path("_meta").path("codex_approval_kind").asText(), p.toString());
                assertEquals("one", p.path("_meta").path("tool_params").path("note").asText(), p.toString());
                assertEquals("Write a note", p.path("_meta").path("tool_title").asText(), p.toString());
                assertEquals(List.of("peek"), calledTools(log), "the read-only tool ran unasked; write waits");
                d.respond(req.get("id"), Map.of("action", "decline"));
                assertTurnCompleted(d, turn1);
                assertEquals(List.of("peek"), calledTools(log), "a declined call never reaches the server");
                JsonNode c1 = completedItem(d, "c1");
                assertEquals("failed", c1.path("status").asText(), c1.toString());
                assertEquals("user rejected MCP tool call", c1.path("error").path("message").asText(), c1.toString());
                assertTrue(mock.requests().get(1).toString().contains("user rejected MCP tool call"), "the model is told");
                assertEquals("completed", completedItem(d, "c_peek").path("status").asText());
                assertTrue(resolved(d, req.get("id").asLong()), "serverRequest/resolved for the elicitation");

                String turn2 = d.startTurn(threadId, "write two");
                JsonNode req2 = d.awaitServerRequest("mcpServer/elicitation/request");
                assertNotEquals(req.get("id").asLong(), req2.get("id").asLong());
                d.respond(req2.get("id"), Map.of("action", "accept", "content", Map.of(), "_meta", Map.of("persist", "session")));
                assertTurnCompleted(d, turn2);
                assertEquals("completed", completedItem(d, "c2").path("status").asText());
                assertEquals("ran write", completedItem(d, "c2").path("result").path("content").path(0).path("text").asText());

                String turn3 = d.startTurn(threadId, "write three");
                assertTurnCompleted(d, turn3);
                assertEquals("completed", completedItem(d, "c3").path("status").asText());
                assertEquals(2, count(d, "mcpServer/elicitation/request"), "accepted for the session: no third question");
                assertEquals(List.of("peek", "write", "write"), calledTools(log));

                String never = d.result(d.request("thread/start", Map.of("cwd", d.work().toString(),
                        "approvalPolicy", "never"))).path("thread").path("id").asText();
                String turn4 = d.startTurn(never, "write four");
                assertTurnCompleted(d, turn4);
                assertEquals("completed", completedItem(d, "c4").path("status").asText());
                assertEquals(2, count(d, "mcpServer/elicitation/request"), "never: no question");
                assertEquals(List.of("peek", "write", "write", "write"), calledTools(log));

                // Each thread started its own server; archiving (unloading) the first stops its process only.
                List<Long> pids = Files.readAllLines(Path.of(log + ".pids")).stream().map(Long::parseLong).toList();
                assertEquals(2, pids.size(), pids.toString());
                for (long pid : pids) assertTrue(alive(pid), "server " + pid + " runs while its thread is loaded");
                d.result(d.request("thread/archive", Map.of("threadId", threadId)));
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (alive(pids.get(0)) && System.nanoTime() < deadline) Thread.sleep(50);
                assertFalse(alive(pids.get(0)), "the archived thread's MCP server is gone");
                assertTrue(alive(pids.get(1)), "the other thread's server still runs");
                assertTrue(d.badLines().isEmpty(), d.badLines().toString());
            }
        }
    }

    static boolean alive(long pid) {
        // A reaped child is gone; a zombie would still show, so look at its state too.
        return ProcessHandle.of(pid).map(h -> {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                return h.isAlive() && !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
            } catch (Exception e) {
                return false;
            }
        }).orElse(false);
    }

    static List<String> calledTools(Path log) throws Exception {
        List<String> out = new ArrayList<>();
        if (!Files.exists(log)) return out;
        for (String line : Files.readAllLines(log)) out.add(Daemon.M.readTree(line).path("name").asText());
        return out;
    }

    static void assertTurnCompleted(Daemon d, String turnId) throws InterruptedException {
        JsonNode done = d.await(n -> "turn/completed".equals(n.path("method").asText())
                && turnId.equals(n.path("params").path("turn").path("id").asText()), Duration.ofSeconds(30));
        assertEquals("completed", done.path("params").path("turn").path("status").asText(), done.toString());
    }

    static JsonNode completedItem(Daemon d, String id) {
        for (JsonNode n : d.received()) {
            if ("item/completed".equals(n.path("method").asText()) && id.equals(n.path("params").path("item").path("id").asText())) {
                return n.path("params").path("item");
            }
        }
        throw new AssertionError("no item/completed for " + id);
    }

    static boolean resolved(Daemon d, long requestId) {
        return d.received().stream().anyMatch(n -> "serverRequest/resolved".equals(n.path("method").asText())
                && n.path("params").path("requestId").asLong() == requestId);
    }

    static long count(Daemon d, String method) {
        return d.received().stream().filter(n -> method.equals(n.path("method").asText()) && n.has("id")).count();
    }
}
