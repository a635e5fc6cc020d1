package dev.jcodex.appserver.mcpserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.appserver.approvals.ApprovalBroker;
import dev.jcodex.appserver.approvals.McpToolApprovals;
import dev.jcodex.core.approval.ApprovalDecision;
import dev.jcodex.core.approval.ApprovalGate;
import dev.jcodex.core.approval.ApprovalRequest;
import dev.jcodex.core.item.Item;
import dev.jcodex.core.mcp.McpPeer;
import dev.jcodex.core.util.Json;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * {@code jcodex mcp-server}'s approvals: each question of an inner turn goes to the MCP client as
 * {@code elicitation/create} with an empty form schema and Codex's {@code codex_*} fields
 * ({@code codex_elicitation: exec-approval | patch-approval}; MCP tool approvals carry
 * {@code _meta.codex_approval_kind: mcp_tool_call}). The answer may be the elicitation result
 * ({@code action} accept/decline/cancel, {@code _meta.persist: "session"}) or Codex's older
 * {@code {decision: approved|approved_for_session|denied|abort}}. A client that cannot elicit, or answers
 * with an error, gets nothing run: the call is declined and the model is told.
 */
final class ElicitationApprovals implements ApprovalGate {
    private final McpPeer peer;
    private final BooleanSupplier clientElicits;

    ElicitationApprovals(McpPeer peer, BooleanSupplier clientElicits) {
        this.peer = peer;
        this.clientElicits = clientElicits;
    }

    @Override
    public CompletableFuture<ApprovalDecision> request(ApprovalRequest r) {
        CompletableFuture<ApprovalDecision> settled = new CompletableFuture<>();
        if (!clientElicits.getAsBoolean()) {
            settled.complete(ApprovalDecision.DECLINE);
            return settled;
        }
        CompletableFuture<JsonNode> reply = peer.request("elicitation/create", params(r));
        reply.whenComplete((result, error) -> settled.complete(error != null ? ApprovalDecision.DECLINE
                : ApprovalBroker.decision(result)));
        // The engine stopped waiting (interrupt): withdraw the question.
        settled.whenComplete((d, error) -> {
            if (error != null) peer.cancel(reply, "the turn was interrupted");
        });
        return settled;
    }

    static ObjectNode params(ApprovalRequest r) {
        ObjectNode p = Json.object();
        switch (r) {
            case ApprovalRequest.Command c -> {
                p.put("message", "Allow Codex to run `" + c.command() + "` in `" + c.cwd() + "`?"
                        + (c.reason() == null ? "" : "\n" + c.reason()));
                schema(p);
                p.put("codex_elicitation", "exec-approval");
                common(p, r);
                var argv = p.putArray("codex_command");
                for (String a : c.argv()) argv.add(a);
                p.put("codex_cwd", c.cwd());
                var parsed = p.putArray("codex_parsed_cmd");
                if (c.actions() != null) for (Item.CommandActionInfo a : c.actions()) parsed.add(Json.MAPPER.valueToTree(a));
                if (c.reason() != null) p.put("codex_reason", c.reason());
            }
            case ApprovalRequest.FileChange f -> {
                p.put("message", "Allow Codex to apply the proposed code changes?"
                        + (f.reason() == null ? "" : "\n" + f.reason()));
                schema(p);
                p.put("codex_elicitation", "patch-approval");
                common(p, r);
                if (f.reason() != null) p.put("codex_reason", f.reason());
                if (f.grantRoot() != null) p.put("codex_grant_root", f.grantRoot());
            }
            case ApprovalRequest.McpToolCall m -> {
                p.put("message", McpToolApprovals.message(m));
                schema(p);
                common(p, r);
                p.set("_meta", McpToolApprovals.meta(m));
            }
        }
        return p;
    }

    private static void schema(ObjectNode p) {
        p.putObject("requestedSchema").put("type", "object").putObject("properties");
    }

    private static void common(ObjectNode p, ApprovalRequest r) {
        p.put("threadId", r.threadId());
        p.put("codex_event_id", r.turnId());
        p.put("codex_call_id", r.itemId());
    }
}
