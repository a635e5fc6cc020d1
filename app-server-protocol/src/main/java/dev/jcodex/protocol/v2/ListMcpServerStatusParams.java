package dev.jcodex.protocol.v2;

/**
 * {@code mcpServerStatus/list}. {@code detail}: "full" (default) or "toolsAndAuthOnly" (skips resources).
 * With {@code threadId} the thread's own connections are reported; otherwise the configured servers are
 * started just for this listing.
 */
public record ListMcpServerStatusParams(String cursor, Long limit, String detail, String threadId, String serverName) {}
