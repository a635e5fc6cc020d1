package dev.jcodex.core.tools;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.thread.TurnContext;
import dev.jcodex.core.util.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tool_search's ranking (BM25 over name and description) and its tool_search_output item. */
class ToolSearchToolTest {
    private record Fake(String name, String namespace, String description) implements ToolHandler {
        @Override public ObjectNode spec() {
            return Json.object().put("type", "function").put("name", name).put("description", description);
        }
        @Override public ToolOutput handle(ToolCall call, TurnContext ctx) { return new ToolOutput("", true); }
    }

    private static final List<ToolHandler> TOOLS = List.of(
            new Fake("mcp__gh__createIssue", "mcp__gh", "Open a new issue in a repository"),
            new Fake("mcp__gh__list_pulls", "mcp__gh", "List pull requests of a repository"),
            new Fake("mcp__fs__read_file", "mcp__fs", "Read a file from disk"));

    @Test
    void ranksByTermsInNamesAndDescriptions() {
        assertEquals(List.of("mcp__gh__createIssue"), names(ToolSearchTool.search(TOOLS, "create issue", 8)));
        assertEquals(List.of("mcp__gh__list_pulls", "mcp__gh__createIssue"),
                names(ToolSearchTool.search(TOOLS, "pull repository", 8)));
        assertEquals(1, ToolSearchTool.search(TOOLS, "repository", 1).size());
        assertEquals(List.of(), ToolSearchTool.search(TOOLS, "weather", 8));
        assertEquals(List.of(), ToolSearchTool.search(TOOLS, "  ", 8));
    }

    @Test
    void answersWithNamespacesOfTheMatchesAsAToolSearchOutput() {
        ToolRegistry r = new ToolRegistry();
        TOOLS.forEach(r::register);
        ToolSearchTool search = new ToolSearchTool(r);
        r.register(search).deferNamespacedTools();
        assertEquals(List.of("tool_search"), r.specs().stream().map(s -> s.path("type").asText()).toList());

        ObjectNode raw = Json.object().put("type", "tool_search_call").put("call_id", "c1");
        ToolCall call = new ToolCall("c1", "tool_search", "{\"query\":\"file\",\"limit\":3}", false, raw);
        ObjectNode item = search.handle(call, null).toResponseItem(call);
        assertEquals("tool_search_output", item.path("type").asText());
        assertEquals("c1", item.path("call_id").asText());
        assertEquals("mcp__fs", item.path("tools").get(0).path("name").asText());
        assertEquals("read_file", item.path("tools").get(0).path("tools").get(0).path("name").asText());
        assertTrue(item.path("tools").get(0).path("tools").get(0).path("defer_loading").asBoolean());
        // an aborted search still answers its call, with no tools
        ObjectNode aborted = new ToolOutput("aborted", false).toResponseItem(call);
        assertEquals("tool_search_output", aborted.path("type").asText());
        assertEquals(0, aborted.path("tools").size());
    }

    private static List<String> names(List<ToolHandler> hs) { return hs.stream().map(ToolHandler::name).toList(); }
}
