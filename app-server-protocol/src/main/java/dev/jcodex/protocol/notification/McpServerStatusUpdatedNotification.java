package dev.jcodex.protocol.notification;

import dev.jcodex.protocol.v2.McpServerStartupState;

/** {@code mcpServer/startupStatus/updated}: an MCP server of a thread is starting, ready, failed or cancelled. */
public record McpServerStatusUpdatedNotification(String threadId, String name, McpServerStartupState status,
                                                 String error, String failureReason) implements ServerNotification {}
