package dev.jcodex.core.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.util.Json;

/** What goes back to the model for one call ({@code function_call_output} / {@code custom_tool_call_output}). */
public record ToolOutput(String text, boolean success) {

    public ObjectNode toResponseItem(ToolCall call) {
        ObjectNode o = Json.object();
        o.put("type", call.freeform() ? "custom_tool_call_output" : "function_call_output");
        o.put("call_id", call.callId());
        o.put("output", text);
        return o;
    }
}
