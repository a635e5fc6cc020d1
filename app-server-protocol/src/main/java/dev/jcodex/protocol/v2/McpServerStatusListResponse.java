package dev.jcodex.protocol.v2;

import java.util.List;
import java.util.Map;

/** Empty until MCP servers are configured (the MCP work fills it). */
public record McpServerStatusListResponse(List<Server> data, String nextCursor) {
    public record Server(String name, Map<String, Object> tools, List<Object> resources,
                         List<Object> resourceTemplates, String authStatus) {}
}
