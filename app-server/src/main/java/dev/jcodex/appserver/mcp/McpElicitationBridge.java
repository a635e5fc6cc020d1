package dev.jcodex.appserver.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.appserver.events.EventRouter;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.ProtocolJson;
import dev.jcodex.core.mcp.McpElicitations;
import dev.jcodex.protocol.ServerNotifications;
import dev.jcodex.protocol.ServerRequests;
import dev.jcodex.protocol.notification.ServerRequestResolvedNotification;
import dev.jcodex.protocol.serverrequest.McpServerElicitationRequestParams;
import java.util.concurrent.CompletableFuture;

/**
 * Forwards an MCP server's {@code elicitation/create} to a client following the thread, as
 * {@code mcpServer/elicitation/request}, and turns the reply back into the MCP result. With no client
 * following the thread the elicitation is declined, so the server is never left waiting.
 */
public final class McpElicitationBridge implements McpElicitations {
    private final EventRouter router;

    public McpElicitationBridge(EventRouter router) { this.router = router; }

    @Override
    public CompletableFuture<JsonNode> request(String threadId, String turnId, String serverName, JsonNode params) {
        JsonRpcConnection conn = null;
        for (JsonRpcConnection c : router.connections()) {
            if (!c.isClosed() && c.session().isSubscribed(threadId)) { conn = c; break; }
        }
        if (conn == null) return DECLINE.request(threadId, turnId, serverName, params);
        String mode = params.path("mode").asText("form");
        McpServerElicitationRequestParams p = new McpServerElicitationRequestParams(threadId, turnId, serverName, mode,
                params.path("message").asText(""),
                "url".equals(mode) ? null : ProtocolJson.MAPPER.convertValue(params.path("requestedSchema"), Object.class),
                "url".equals(mode) ? params.path("url").asText(null) : null,
                "url".equals(mode) ? params.path("elicitationId").asText(null) : null,
                params.has("_meta") ? ProtocolJson.MAPPER.convertValue(params.get("_meta"), Object.class) : null);
        JsonRpcConnection target = conn;
        long requestId = target.peekNextRequestId();
        return target.sendRequest(ServerRequests.MCP_SERVER_ELICITATION.name(), p).handle((result, error) -> {
            target.sendNotification(ServerNotifications.methodOf(ServerRequestResolvedNotification.class),
                    new ServerRequestResolvedNotification(threadId, requestId));
            if (error != null) throw new IllegalStateException("elicitation was not answered: " + error.getMessage());
            return toMcpResult(result);
        });
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
