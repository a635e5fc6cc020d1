package dev.jcodex.appserver.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns app-server v2 notifications into {@code codex exec --json} events: dotted snake_case event types,
 * items renamed {@code item_0, item_1, ...} in order of first appearance, and Codex's choice of which item
 * kinds are reported when they start (commands, MCP calls, web searches, the to-do list) and which only
 * when complete (messages, reasoning, file changes).
 */
public final class ExecEvents {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Map<String, String> ids = new HashMap<>();
    private int nextItem;
    private String todoId;
    private ArrayNode todoItems;
    private JsonNode usage = zeroUsage();
    private String lastAgentMessage;
    private String failure;

    /** The events for one notification (often none). */
    public List<ObjectNode> map(String method, JsonNode params) {
        List<ObjectNode> out = new ArrayList<>(2);
        switch (method) {
            case "turn/started" -> out.add(event("turn.started"));
            case "item/started" -> {
                ObjectNode item = item(params.path("item"));
                if (item != null && reportedWhenStarted(item)) out.add(event("item.started").set("item", item));
            }
            case "item/completed" -> {
                ObjectNode item = item(params.path("item"));
                if (item == null) break;
                if (item.path("type").asText().equals("agent_message")) lastAgentMessage = item.path("text").asText();
                if (item.path("type").asText().equals("reasoning") && item.path("text").asText().isEmpty()) break;
                out.add(event("item.completed").set("item", item));
            }
            case "turn/plan/updated" -> {
                ArrayNode items = F.arrayNode();
                for (JsonNode step : params.path("plan")) {
                    items.add(F.objectNode().put("text", step.path("step").asText())
                            .put("completed", step.path("status").asText().equals("completed")));
                }
                todoItems = items;
                boolean first = todoId == null;
                if (first) todoId = newId();
                out.add(event(first ? "item.started" : "item.updated").set("item", todo()));
            }
            case "thread/tokenUsage/updated" -> {
                JsonNode total = params.path("tokenUsage").path("total");
                usage = F.objectNode()
                        .put("input_tokens", total.path("inputTokens").asLong())
                        .put("cached_input_tokens", total.path("cachedInputTokens").asLong())
                        .put("cache_write_input_tokens", 0)
                        .put("output_tokens", total.path("outputTokens").asLong())
                        .put("reasoning_output_tokens", total.path("reasoningOutputTokens").asLong());
            }
            case "error" -> {
                String message = params.path("error").path("message").asText("error");
                if (!params.path("willRetry").asBoolean(false)) failure = message;
                out.add(event("error").put("message", message));
            }
            case "warning" -> out.add(event("item.completed").set("item",
                    F.objectNode().put("id", newId()).put("type", "error").put("message", params.path("message").asText())));
            case "turn/completed" -> {
                if (todoId != null) {
                    out.add(event("item.completed").set("item", todo()));
                    todoId = null;
                }
                JsonNode turn = params.path("turn");
                String status = turn.path("status").asText();
                if (status.equals("completed")) {
                    out.add(event("turn.completed").set("usage", usage));
                } else {
                    String message = turn.path("error").path("message").asText(null);
                    if (message == null) message = failure != null ? failure : "turn " + status;
                    failure = message;
                    out.add(event("turn.failed").set("error", F.objectNode().put("message", message)));
                }
            }
            default -> { }
        }
        return out;
    }

    public String lastAgentMessage() { return lastAgentMessage; }

    /** The reason the turn failed, or null. */
    public String failure() { return failure; }

    public static ObjectNode threadStarted(String threadId) {
        return event("thread.started").put("thread_id", threadId);
    }

    private static ObjectNode event(String type) { return F.objectNode().put("type", type); }

    private static boolean reportedWhenStarted(ObjectNode item) {
        return switch (item.path("type").asText()) {
            case "command_execution", "mcp_tool_call", "web_search" -> true;
            default -> false;
        };
    }

    private ObjectNode todo() {
        return F.objectNode().put("id", todoId).put("type", "todo_list").set("items", todoItems.deepCopy());
    }

    private String newId() { return "item_" + nextItem++; }

    private String idFor(String serverId) { return ids.computeIfAbsent(serverId, k -> newId()); }

    /** The exec form of a v2 ThreadItem, or null for kinds exec does not report (user messages, plans...). */
    private ObjectNode item(JsonNode w) {
        String type = w.path("type").asText();
        ObjectNode o = F.objectNode();
        switch (type) {
            case "agentMessage" -> o.put("type", "agent_message").put("text", w.path("text").asText(""));
            case "reasoning" -> {
                List<String> parts = new ArrayList<>();
                JsonNode src = w.path("summary").isEmpty() ? w.path("content") : w.path("summary");
                for (JsonNode s : src) parts.add(s.asText());
                o.put("type", "reasoning").put("text", String.join("\n\n", parts));
            }
            case "commandExecution" -> {
                o.put("type", "command_execution").put("command", w.path("command").asText(""))
                        .put("aggregated_output", w.path("aggregatedOutput").asText(""));
                JsonNode exit = w.path("exitCode");
                if (exit.isNumber()) o.put("exit_code", exit.asInt());
                else o.putNull("exit_code");
                o.put("status", status(w.path("status").asText()));
            }
            case "fileChange" -> {
                ArrayNode changes = o.put("type", "file_change").putArray("changes");
                for (JsonNode c : w.path("changes")) {
                    changes.add(F.objectNode().put("path", c.path("path").asText())
                            .put("kind", c.path("kind").path("type").asText(c.path("kind").asText("update"))));
                }
                o.put("status", status(w.path("status").asText()));
            }
            case "mcpToolCall" -> {
                o.put("type", "mcp_tool_call").put("server", w.path("server").asText())
                        .put("tool", w.path("tool").asText());
                o.set("arguments", w.path("arguments").isMissingNode() ? F.nullNode() : w.get("arguments"));
                JsonNode r = w.path("result");
                if (r.isObject()) {
                    ObjectNode res = o.putObject("result");
                    res.set("content", r.path("content").isArray() ? r.get("content") : F.arrayNode());
                    res.set("structured_content", r.path("structuredContent").isMissingNode() ? F.nullNode()
                            : r.get("structuredContent"));
                }
                JsonNode e = w.path("error");
                if (e.isObject()) o.putObject("error").put("message", e.path("message").asText());
                o.put("status", status(w.path("status").asText()));
            }
            case "webSearch" -> o.put("type", "web_search").put("query", w.path("query").asText(""));
            default -> { return null; }
        }
        ObjectNode withId = F.objectNode().put("id", idFor(w.path("id").asText()));
        withId.setAll(o);
        return withId;
    }

    private static String status(String wire) {
        return switch (wire) {
            case "inProgress" -> "in_progress";
            case "completed" -> "completed";
            default -> "failed"; // failed, declined
        };
    }

    private static JsonNode zeroUsage() {
        return F.objectNode().put("input_tokens", 0).put("cached_input_tokens", 0).put("cache_write_input_tokens", 0)
                .put("output_tokens", 0).put("reasoning_output_tokens", 0);
    }
}
