package dev.jcodex.appserver.mcp;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Misbehaving MCP servers (a small Python stdio server written by the test): one that exits in the middle
 * of a call, one that never answers a call, and one that never finishes the handshake. Each fails only
 * its own calls or startup; the turn still completes and the daemon keeps serving.
 */
class McpFailureTest {
    /** Answers initialize and tools/list; on tools/call behaves as argv[1] says: crash, hang, or echo. */
    static final String SERVER = """
            import json, sys, time
            mode = sys.argv[1]
            if mode == "nohandshake":
                time.sleep(60)
            for line in sys.stdin:
                m = json.loads(line)
                if "id" not in m or "method" not in m:
                    continue
                meth, i = m["method"], m["id"]
                if meth == "initialize":
                    r = {"protocolVersion": m["params"]["protocolVersion"], "capabilities": {"tools": {}},
                         "serverInfo": {"name": "py-" + mode, "version": "1"}}
                elif meth == "tools/list":
                    r = {"tools": [{"name": "do.it", "description": "does it",
                                    "inputSchema": {"type": "object"}}]}
                elif meth == "tools/call":
                    if mode == "crash":
                        sys.exit(3)
                    if mode == "hang":
                        time.sleep(60)
                    r = {"content": [{"type": "text", "text": "done"}]}
                else:
                    r = {}
                sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": i, "result": r}) + "\\n")
                sys.stdout.flush()
            """;

    @Test
    void crashingAndHangingServersFailTheirCallsNotTheTurn() throws Exception {
        Path script = Files.createTempFile("jcodex-mcp-py-", ".py");
        Files.writeString(script, SERVER);
        try (MockResponses mock = new MockResponses()) {
            // "do.it" is sanitised to do_it in the model-facing name.
            mock.next().functionCall("c1", "mcp__crashy__do_it", "{}").functionCall("c2", "mcp__hangy__do_it", "{}").completed();
            mock.next().message("both failed", 1).completed();
            String config = mock.configToml("""

                    [mcp_servers.crashy]
                    command = "python3"
                    args = ["%1$s", "crash"]

                    [mcp_servers.hangy]
                    command = "python3"
                    args = ["%1$s", "hang"]
                    tool_timeout_sec = 1.5

                    [mcp_servers.stuck]
                    command = "python3"
                    args = ["%1$s", "nohandshake"]
                    startup_timeout_sec = 1
                    """.formatted(script));
            try (Daemon d = Daemon.start(config)) {
                d.initialize();
                String threadId = d.startThread();
                d.startTurn(threadId, "call both");
                JsonNode done = d.await(n -> "turn/completed".equals(n.path("method").asText()), Duration.ofSeconds(60));
                assertEquals("completed", done.path("params").path("turn").path("status").asText(), done.toString());

                JsonNode crashed = completedCall(d, "c1");
                assertEquals("failed", crashed.path("status").asText(), crashed.toString());
                assertEquals("crashy", crashed.path("server").asText());
                assertEquals("do.it", crashed.path("tool").asText());
                assertTrue(crashed.path("error").path("message").asText().contains("exited"), crashed.toString());

                JsonNode hung = completedCall(d, "c2");
                assertEquals("failed", hung.path("status").asText(), hung.toString());
                assertTrue(hung.path("error").path("message").asText().contains("timed out after 1.5s"), hung.toString());
                assertTrue(hung.path("durationMs").asLong() >= 1400, hung.toString());

                assertEquals(List.of("starting", "failed"), McpEverythingTest.states(d, "stuck"));
                JsonNode stuck = d.received().stream().filter(n -> "mcpServer/startupStatus/updated".equals(n.path("method").asText())
                        && "stuck".equals(n.path("params").path("name").asText()) && "failed".equals(n.path("params").path("status").asText()))
                        .findFirst().orElseThrow();
                assertTrue(stuck.path("params").path("error").asText().contains("timed out"), stuck.toString());

                // The model was told about both failures, and the daemon still answers.
                String second = mock.requests().get(1).path("input").toString();
                assertTrue(second.contains("tool call error"), second);
                assertTrue(d.result(d.request("mcpServerStatus/list", java.util.Map.of("threadId", threadId))).path("data").size() == 3);
                assertTrue(d.isAlive());
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }

    static JsonNode completedCall(Daemon d, String id) {
        for (JsonNode n : d.received()) {
            JsonNode item = n.path("params").path("item");
            if ("item/completed".equals(n.path("method").asText()) && id.equals(item.path("id").asText())) return item;
        }
        throw new AssertionError("no item/completed for " + id);
    }
}
