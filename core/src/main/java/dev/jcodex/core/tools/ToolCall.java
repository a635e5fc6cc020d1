package dev.jcodex.core.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A call the model made. {@code freeform} for custom tools (the payload is raw text in {@code input});
 * otherwise {@code input} is the JSON arguments string.
 */
public record ToolCall(String callId, String name, String input, boolean freeform, ObjectNode raw) {}
