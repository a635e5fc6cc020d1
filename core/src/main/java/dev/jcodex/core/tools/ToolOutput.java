package dev.jcodex.core.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.util.Json;
import java.util.List;

/**
 * What goes back to the model for one call ({@code function_call_output} / {@code custom_tool_call_output}):
 * text, or content items (input_text / input_image) when {@code content} is set. A tool_search call gets a
 * {@code tool_search_output} whose {@code tools} are the content.
 */
public record ToolOutput(String text, boolean success, List<ObjectNode> content) {

    public ToolOutput(String text, boolean success) { this(text, success, null); }

    public ObjectNode toResponseItem(ToolCall call) {
        if (call.raw() != null && "tool_search_call".equals(call.raw().path("type").asText())) {
            // a client-executed tool search answers with the tools it found (content), none on failure
            ObjectNode o = Json.object().put("type", "tool_search_output").put("call_id", call.callId())
                    .put("status", "completed").put("execution", "client");
            var tools = o.putArray("tools");
            if (success && content != null) tools.addAll(content);
            return o;
        }
        ObjectNode o = Json.object();
        o.put("type", call.freeform() ? "custom_tool_call_output" : "function_call_output");
        o.put("call_id", call.callId());
        if (content != null) o.putArray("output").addAll(content);
        else o.put("output", text);
        return o;
    }
}
