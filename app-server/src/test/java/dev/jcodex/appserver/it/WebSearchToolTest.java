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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hosted web_search tool: offered as Codex 0.171 sends it to providers that host it (OpenAI auth, or any
 * Responses provider when config names a mode), never to others; the provider's web_search_call items show as
 * webSearch items.
 */
class WebSearchToolTest {
    @TempDir Path root;

    private JsonNode firstRequestTools(MockResponses mock, String config, List<ObjectNode> seen) throws Exception {
        Path home = Files.createDirectories(root.resolve("home"));
        Files.writeString(home.resolve("config.toml"), config);
        try (InProcessClient c = new InProcessClient(new AppServer(new ConfigLoader(home, List.of(), null)))) {
            c.call("initialize", Map.of("clientInfo", Map.of("name", "t", "version", "1")));
            c.notify("initialized");
            String thread = c.call("thread/start", Map.of("cwd", root.toString())).path("thread").path("id").asText();
            c.call("turn/start", Map.of("threadId", thread, "input", List.of(Map.of("type", "text", "text", "search"))));
            long end = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < end) {
                ObjectNode m = c.next(100);
                if (m == null) continue;
                seen.add(m);
                if ("turn/completed".equals(m.path("method").asText())) break;
            }
        }
        return mock.requests().getLast().path("tools");
    }

    private static JsonNode webSearch(JsonNode tools) {
        for (JsonNode t : tools) if ("web_search".equals(t.path("type").asText())) return t;
        return null;
    }

    @Test
    void aNamedModeOffersItAndItsCallsShowAsWebSearchItems() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            mock.next().webSearchCall("ws_1", "jcodex release notes").message("found them", 1).completed();
            List<ObjectNode> seen = new ArrayList<>();
            JsonNode tool = webSearch(firstRequestTools(mock, "web_search = \"live\"\n" + mock.keylessConfigToml(""), seen));
            assertNotNull(tool);
            assertTrue(tool.path("external_web_access").asBoolean());
            assertEquals("[\"text\",\"image\"]", tool.path("search_content_types").toString());
            List<JsonNode> items = seen.stream().filter(m -> m.path("params").path("item").path("type").asText().equals("webSearch"))
                    .map(m -> (JsonNode) m).toList();
            assertEquals(2, items.size(), seen.toString());
            assertEquals("item/started", items.get(0).path("method").asText());
            assertEquals("jcodex release notes", items.get(1).path("params").path("item").path("query").asText());
            assertEquals("ws_1", items.get(1).path("params").path("item").path("id").asText());
        }
    }

    @Test
    void itIsOfferedToOpenaiAuthProvidersCachedAndNotToOthers() throws Exception {
        try (MockResponses mock = new MockResponses()) {
            JsonNode none = firstRequestTools(mock, mock.keylessConfigToml(""), new ArrayList<>());
            assertNull(webSearch(none), "a custom provider that may not host it is not sent it");
            JsonNode cached = firstRequestTools(mock, mock.configToml("").replace("env_key = \"MOCK_API_KEY\"",
                    "requires_openai_auth = true"), new ArrayList<>());
            assertNotNull(webSearch(cached));
            assertFalse(webSearch(cached).path("external_web_access").asBoolean());
            JsonNode off = firstRequestTools(mock, "web_search = \"disabled\"\n" + mock.configToml("")
                    .replace("env_key = \"MOCK_API_KEY\"", "requires_openai_auth = true"), new ArrayList<>());
            assertNull(webSearch(off));
        }
    }
}
