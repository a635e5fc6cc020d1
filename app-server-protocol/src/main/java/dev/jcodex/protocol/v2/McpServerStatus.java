package dev.jcodex.protocol.v2;

import java.util.List;
import java.util.Map;

/** One MCP server as {@code mcpServerStatus/list} reports it; {@code tools} is keyed by tool name. */
public record McpServerStatus(String name, Map<String, Object> tools, List<Object> resources,
                              List<Object> resourceTemplates, McpAuthStatus authStatus,
                              McpServerConnectionStatus runtimeStatus, Object serverInfo, Object serverCapabilities,
                              String toolsError, String httpOrigin) {}
