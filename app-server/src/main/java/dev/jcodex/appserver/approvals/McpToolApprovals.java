package dev.jcodex.appserver.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.appserver.rpc.ProtocolJson;
import dev.jcodex.core.approval.ApprovalDecision;
import dev.jcodex.core.approval.ApprovalRequest;
import dev.jcodex.protocol.serverrequest.McpServerElicitationRequestParams;

/**
 * MCP tool approval in Codex's shape: an {@code mcpServer/elicitation/request} form with an empty schema whose
 * {@code _meta.codex_approval_kind} is {@code "mcp_tool_call"} (clients tell it from a server's own
 * elicitation by that marker), answered {@code {action, content, _meta}}; {@code _meta.persist: "session"}
 * on an accept means "for the rest of the session".
 */
public final class McpToolApprovals {
    private McpToolApprovals() {}

    public static McpServerElicitationRequestParams elicitation(ApprovalRequest.McpToolCall m) {
        return new McpServerElicitationRequestParams(m.threadId(), m.turnId(), m.server(), "form", message(m),
                ProtocolJson.MAPPER.createObjectNode().put("type", "object").set("properties",
                        ProtocolJson.MAPPER.createObjectNode()),
                null, null, meta(m));
    }

    public static String message(ApprovalRequest.McpToolCall m) {
        return "Allow the " + m.server() + " MCP server to run tool \"" + m.tool() + "\"?";
    }

    /** What a client needs to show the question: which tool, with which arguments, and the scopes it may grant. */
    public static ObjectNode meta(ApprovalRequest.McpToolCall m) {
        ObjectNode meta = ProtocolJson.MAPPER.createObjectNode();
        meta.put("codex_approval_kind", "mcp_tool_call");
        meta.putArray("persist").add("session");
        meta.put("tool_name", m.tool());
        if (m.title() != null) meta.put("tool_title", m.title());
        if (m.description() != null) meta.put("tool_description", m.description());
        meta.set("tool_params", m.arguments() == null ? ProtocolJson.MAPPER.createObjectNode() : m.arguments());
        return meta;
    }

    /** {@code accept} (+ persist session/always → for the session), {@code decline}, {@code cancel}; else decline. */
    public static ApprovalDecision decision(JsonNode result) {
        return switch (result.path("action").asText("")) {
            case "accept" -> persists(result.path("_meta").path("persist")) || persists(result.path("content").path("persist"))
                    ? ApprovalDecision.ACCEPT_FOR_SESSION : ApprovalDecision.ACCEPT;
            case "cancel" -> ApprovalDecision.CANCEL;
            default -> ApprovalDecision.DECLINE;
        };
    }

    private static boolean persists(JsonNode persist) {
        String p = persist.asText("");
        return p.equals("session") || p.equals("always");
    }
}
