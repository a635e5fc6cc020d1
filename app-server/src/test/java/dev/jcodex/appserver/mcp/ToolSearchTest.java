package dev.jcodex.appserver.mcp;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tool_search as Codex 0.171 uses it with a provider that hosts the Responses tool types: MCP tools are not in
 * tools[], a tool_search_call is answered with a tool_search_output listing the matches in their mcp__<server>
 * namespace, and the model can then call one by namespace + name.
 */
class ToolSearchTest {
    @TempDir Path root;

    @Test
    void mcpToolsAreFoundBySearchAndCalledByNamespace() throws Exception {
        Path script = root.resolve("server.py");
        Path log = root.resolve("calls.log");
        Files.writeString(script, McpApprovalTest.SERVER);
        try (MockResponses mock = new MockResponses()) {
            mock.next().toolSearchCall("call_ts", "reads").completed();
            mock.next().namespacedCall("call_peek", "mcp__py", "peek", "{}").completed();
            mock.next().message("done", 1).completed();
            String config = mock.configToml("""

                    [mcp_servers.py]
                    command = "python3"
                    args = ["%s", "%s"]
                    """.formatted(script, log)).replace("env_key = \"MOCK_API_KEY\"", "requires_openai_auth = true");
            Path home = Files.createDirectories(root.resolve("home"));
            Files.writeString(home.resolve("config.toml"), config);
            try (InProcessClient c = new InProcessClient(new AppServer(new ConfigLoader(home, List.of(), null)))) {
                c.call("initialize", Map.of("clientInfo", Map.of("name", "t", "version", "1")));
                c.notify("initialized");
                String thread = c.call("thread/start", Map.of("cwd", root.toString())).path("thread").path("id").asText();
                c.call("turn/start", Map.of("threadId", thread, "input", List.of(Map.of("type", "text", "text", "peek"))));
                List<ObjectNode> seen = new ArrayList<>();
                long end = System.currentTimeMillis() + 30_000;
                while (System.currentTimeMillis() < end) {
                    ObjectNode m = c.next(100);
                    if (m == null) continue;
                    seen.add(m);
                    if ("turn/completed".equals(m.path("method").asText())) break;
                }
                assertEquals("completed", seen.getLast().path("params").path("turn").path("status").asText(), seen.toString());
            }
            List<String> names = new ArrayList<>();
            for (JsonNode t : mock.requests().getFirst().path("tools")) names.add(t.path("type").asText() + ":" + t.path("name").asText(""));
            assertTrue(names.contains("tool_search:"), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.contains("mcp__py")), names.toString());

            JsonNode output = null;
            for (JsonNode item : mock.requests().get(1).path("input")) {
                if ("tool_search_output".equals(item.path("type").asText())) output = item;
            }
            assertNotNull(output, mock.requests().get(1).toString());
            assertEquals("call_ts", output.path("call_id").asText());
            assertEquals("client", output.path("execution").asText());
            JsonNode ns = output.path("tools").get(0);
            assertEquals("namespace", ns.path("type").asText());
            assertEquals("mcp__py", ns.path("name").asText());
            assertEquals("peek", ns.path("tools").get(0).path("name").asText(), "reads matches peek only");
            assertEquals(1, ns.path("tools").size());
            assertTrue(ns.path("tools").get(0).path("defer_loading").asBoolean());
            assertTrue(Files.readString(log).contains("\"name\": \"peek\""), "the searched-for tool ran");
        }
    }
}
