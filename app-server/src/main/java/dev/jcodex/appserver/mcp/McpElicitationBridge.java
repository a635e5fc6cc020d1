package dev.jcodex.appserver.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.appserver.approvals.ThreadRequests;
import dev.jcodex.appserver.rpc.ProtocolJson;
import dev.jcodex.core.mcp.McpElicitations;
import dev.jcodex.protocol.ServerRequests;
import dev.jcodex.protocol.serverrequest.McpServerElicitationRequestParams;
import java.util.concurrent.CompletableFuture;

/**
 * Forwards an MCP server's {@code elicitation/create} to the clients following the thread, as
 * {@code mcpServer/elicitation/request} (first answer wins, see {@link ThreadRequests}), and turns the reply
 * back into the MCP result. With no client following the thread the elicitation is declined, and when every
 * client that could answer has left it is cancelled, so the server is never left waiting.
 */
public final class McpElicitationBridge implements McpElicitations {
    private final ThreadRequests requests;

    public McpElicitationBridge(ThreadRequests requests) { this.requests = requests; }

    @Override
    public CompletableFuture<JsonNode> request(String threadId, String turnId, String serverName, JsonNode params) {
        String mode = params.path("mode").asText("form");
        McpServerElicitationRequestParams p = new McpServerElicitationRequestParams(threadId, turnId, serverName, mode,
                params.path("message").asText(""),
                "url".equals(mode) ? null : ProtocolJson.MAPPER.convertValue(params.path("requestedSchema"), Object.class),
                "url".equals(mode) ? params.path("url").asText(null) : null,
                "url".equals(mode) ? params.path("elicitationId").asText(null) : null,
                params.has("_meta") ? ProtocolJson.MAPPER.convertValue(params.get("_meta"), Object.class) : null);
        return requests.ask(threadId, ServerRequests.MCP_SERVER_ELICITATION.name(), p, McpElicitationBridge::toMcpResult,
                DECLINE.request(threadId, turnId, serverName, params).join(), toMcpResult(null));
    }

    /** The client's {action, content, _meta} is already MCP's ElicitResult shape; anything else is a cancel. */
    static JsonNode toMcpResult(JsonNode result) {
        ObjectNode out = ProtocolJson.MAPPER.createObjectNode();
        String action = result == null ? "cancel" : result.path("action").asText("cancel");
        if (!action.equals("accept") && !action.equals("decline")) action = "cancel";
        out.put("action", action);
        if (action.equals("accept") && result.hasNonNull("content")) out.set("content", result.get("content"));
        if (result != null && result.hasNonNull("_meta")) out.set("_meta", result.get("_meta"));
        return out;
    }
}
