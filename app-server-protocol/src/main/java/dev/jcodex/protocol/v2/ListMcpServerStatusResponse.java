package dev.jcodex.protocol.v2;

import java.util.List;

public record ListMcpServerStatusResponse(List<McpServerStatus> data, String nextCursor) {}
