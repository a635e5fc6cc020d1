package dev.jcodex.core.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.core.util.Json;
import java.util.concurrent.CompletableFuture;

/**
 * Where an MCP server's {@code elicitation/create} goes: the app-server forwards it to its client as
 * {@code mcpServer/elicitation/request}. The future completes with the MCP result
 * ({@code {action: accept|decline|cancel, content?}}).
 */
@FunctionalInterface
public interface McpElicitations {
    CompletableFuture<JsonNode> request(String threadId, String turnId, String serverName, JsonNode params);

    /** Nobody to ask: every elicitation is declined (the server carries on without the input). */
    McpElicitations DECLINE = (t, u, s, p) -> CompletableFuture.completedFuture(Json.object().put("action", "decline"));
}
