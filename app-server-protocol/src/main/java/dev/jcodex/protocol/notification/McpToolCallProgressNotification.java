package dev.jcodex.protocol.notification;

/** {@code item/mcpToolCall/progress}: a progress message from the server running an mcpToolCall item. */
public record McpToolCallProgressNotification(String threadId, String turnId, String itemId, String message)
        implements ServerNotification {}
