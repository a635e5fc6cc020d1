package dev.jcodex.appserver.mcp;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.testing.Daemon;
import dev.jcodex.appserver.testing.MockResponses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real {@code @modelcontextprotocol/server-everything} (from npm) as a stdio MCP server of a daemon
 * thread: the mock model calls {@code mcp__everything__echo}, the mcpToolCall item completes with the
 * echoed text and the model gets it back; a server that cannot start is reported as failed and costs
 * nothing else.
 */
class McpEverythingTest {

    @Test
    void echoThroughRealServerAndBrokenServerReported() throws Exception {
        Path everything = NpmPackages.bin(NpmPackages.SERVER_EVERYTHING, "mcp-server-everything");
        try (MockResponses mock = new MockResponses()) {
            mock.next().functionCall("call_echo", "mcp__everything__echo", "{\"message\":\"hello from jcodex\"}").completed();
            mock.next().message("The server echoed it.", 2).completed();
            String config = mock.configToml("""

                    [mcp_servers.everything]
                    command = "%s"
                    startup_timeout_sec = 60

                    [mcp_servers.broken]
                    command = "/nonexistent/jcodex-no-such-mcp-server"
                    """.formatted(everything));
            try (Daemon d = Daemon.start(config)) {
                d.initialize();
                String threadId = d.startThread();
                String turnId = d.startTurn(threadId, "Echo something via MCP.");
                JsonNode done = d.await(n -> "turn/completed".equals(n.path("method").asText()), java.time.Duration.ofSeconds(90));
                assertEquals("completed", done.path("params").path("turn").path("status").asText(), done.toString());

                // The model was offered the server's tools under their qualified names, and nothing of the broken one.
                List<String> offered = new ArrayList<>();
                for (JsonNode t : mock.requests().get(0).path("tools")) offered.add(t.path("name").asText());
                assertTrue(offered.contains("mcp__everything__echo"), offered.toString());
                assertTrue(offered.stream().noneMatch(n -> n.startsWith("mcp__broken")), offered.toString());
                for (String n : offered) assertTrue(n.matches("[A-Za-z0-9_-]{1,64}"), n);

                JsonNode started = find(d, "item/started", "mcpToolCall");
                JsonNode completed = find(d, "item/completed", "mcpToolCall");
                assertNotNull(started, "mcpToolCall item/started");
                assertNotNull(completed, "mcpToolCall item/completed");
                JsonNode item = completed.path("params").path("item");
                assertEquals(turnId, completed.path("params").path("turnId").asText());
                assertEquals("call_echo", item.path("id").asText());
                assertEquals("everything", item.path("server").asText());
                assertEquals("echo", item.path("tool").asText());
                assertEquals("completed", item.path("status").asText(), item.toString());
                assertEquals("hello from jcodex", item.path("arguments").path("message").asText());
                assertEquals("Echo: hello from jcodex", item.path("result").path("content").path(0).path("text").asText(), item.toString());
                assertTrue(item.path("error").isNull(), item.toString());
                assertTrue(item.path("durationMs").asLong(-1) >= 0, item.toString());
                assertEquals("inProgress", started.path("params").path("item").path("status").asText());

                // The model got the echoed text back as the call's output.
                JsonNode second = mock.requests().get(1);
                JsonNode output = null;
                for (JsonNode in : second.path("input")) {
                    if ("function_call_output".equals(in.path("type").asText()) && "call_echo".equals(in.path("call_id").asText())) output = in;
                }
                assertNotNull(output, second.toString());
                assertEquals("Echo: hello from jcodex", output.path("output").asText());

                // Startup status: everything starting → ready, broken starting → failed with a reason.
                List<String> everythingStates = states(d, "everything");
                List<String> brokenStates = states(d, "broken");
                assertEquals(List.of("starting", "ready"), everythingStates);
                assertEquals(List.of("starting", "failed"), brokenStates);
                JsonNode failed = d.received().stream().filter(n -> "mcpServer/startupStatus/updated".equals(n.path("method").asText())
                        && "failed".equals(n.path("params").path("status").asText())).findFirst().orElseThrow();
                assertTrue(failed.path("params").path("error").asText().contains("jcodex-no-such-mcp-server"), failed.toString());
                assertEquals(threadId, failed.path("params").path("threadId").asText());

                // mcpServerStatus/list for the thread: tools, resources and auth of each server.
                JsonNode list = d.result(d.request("mcpServerStatus/list", Map.of("threadId", threadId)));
                JsonNode ev = byName(list.path("data"), "everything");
                JsonNode br = byName(list.path("data"), "broken");
                assertTrue(ev.path("tools").has("echo"), ev.toString());
                assertEquals("echo", ev.path("tools").path("echo").path("name").asText());
                assertTrue(ev.path("resources").isArray() && ev.path("resources").size() > 0, "server-everything has resources");
                assertEquals("unsupported", ev.path("authStatus").asText());
                assertEquals("connected", ev.path("runtimeStatus").asText());
                assertEquals("failed", br.path("runtimeStatus").asText());
                assertEquals(0, br.path("tools").size());
                assertTrue(br.path("toolsError").asText().contains("failed to start"), br.toString());
                assertTrue(d.badLines().isEmpty(), d.badLines().toString());
            }
        }
    }

    static JsonNode find(Daemon d, String method, String type) {
        for (JsonNode n : d.received()) {
            if (method.equals(n.path("method").asText()) && type.equals(n.path("params").path("item").path("type").asText())) return n;
        }
        return null;
    }

    static List<String> states(Daemon d, String server) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : d.received()) {
            if ("mcpServer/startupStatus/updated".equals(n.path("method").asText()) && server.equals(n.path("params").path("name").asText())) {
                out.add(n.path("params").path("status").asText());
            }
        }
        return out;
    }

    static JsonNode byName(JsonNode data, String name) {
        for (JsonNode s : data) if (name.equals(s.path("name").asText())) return s;
        throw new AssertionError("no server " + name + " in " + data);
    }
}
