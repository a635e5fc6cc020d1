package dev.jcodex.core.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What {@code mcpServerStatus/list} reports for one server. {@code state}: starting, ready, failed,
 * cancelled or disabled. {@code authStatus}: unsupported (stdio, or HTTP without credentials) or
 * bearerToken.
 */
public record McpServerStatus(String name, String state, String error, List<JsonNode> tools, List<JsonNode> resources,
                              List<JsonNode> resourceTemplates, String authStatus, JsonNode serverInfo,
                              JsonNode capabilities) {}
