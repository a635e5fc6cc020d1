package dev.jcodex.appserver.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.events.WireItems;
import dev.jcodex.core.approval.ApprovalDecision;
import dev.jcodex.core.approval.ApprovalGate;
import dev.jcodex.core.approval.ApprovalRequest;
import dev.jcodex.protocol.ServerRequests;
import dev.jcodex.protocol.serverrequest.CommandExecutionRequestApprovalParams;
import dev.jcodex.protocol.serverrequest.FileChangeRequestApprovalParams;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's approval questions as server → client requests, asked of every client following the thread
 * (see {@link ThreadRequests}: first answer wins, {@code serverRequest/resolved} once per client before the
 * engine goes on). With no client following the thread the answer is decline: nothing runs unapproved. When
 * every client that could answer has left, it is cancel: the turn ends (interrupted) instead of waiting.
 */
public final class ApprovalBroker implements ApprovalGate {
    static final List<Object> DECISIONS = List.of("accept", "acceptForSession", "decline", "cancel");

    private final ThreadRequests requests;

    public ApprovalBroker(ThreadRequests requests) { this.requests = requests; }

    @Override
    public CompletableFuture<ApprovalDecision> request(ApprovalRequest r) {
        return switch (r) {
            case ApprovalRequest.Command c -> ask(c, ServerRequests.COMMAND_EXECUTION_APPROVAL.name(),
                    new CommandExecutionRequestApprovalParams(c.threadId(), c.turnId(), c.itemId(), "command",
                            c.startedAtMs(), c.reason(), c.command(), c.cwd(), WireItems.actions(c.actions()), null,
                            "local", DECISIONS));
            case ApprovalRequest.FileChange f -> ask(f, ServerRequests.FILE_CHANGE_APPROVAL.name(),
                    new FileChangeRequestApprovalParams(f.threadId(), f.turnId(), f.itemId(), f.startedAtMs(),
                            f.reason(), f.grantRoot()));
            case ApprovalRequest.McpToolCall m -> ask(m, ServerRequests.MCP_SERVER_ELICITATION.name(),
                    McpToolApprovals.elicitation(m));
        };
    }

    private CompletableFuture<ApprovalDecision> ask(ApprovalRequest r, String method, Object params) {
        return requests.ask(r.threadId(), method, params, ApprovalBroker::decision,
                ApprovalDecision.DECLINE, ApprovalDecision.CANCEL);
    }

    /**
     * The client's answer, a {@code decision} (command / file change) or an elicitation {@code action}
     * (MCP tool approval); anything unrecognised counts as decline (the action does not happen).
     */
    public static ApprovalDecision decision(JsonNode result) {
        if (result != null && result.has("action")) return McpToolApprovals.decision(result);
        JsonNode d = result == null ? null : result.get("decision");
        if (d == null) return ApprovalDecision.DECLINE;
        if (d.isObject()) {
            // {acceptWithExecpolicyAmendment: ...} / {applyNetworkPolicyAmendment: ...}: approvals of this one call
            return d.has("acceptWithExecpolicyAmendment") || d.has("applyNetworkPolicyAmendment")
                    ? ApprovalDecision.ACCEPT : ApprovalDecision.DECLINE;
        }
        return switch (d.asText()) {
            case "accept", "approved" -> ApprovalDecision.ACCEPT;
            case "acceptForSession", "approved_for_session" -> ApprovalDecision.ACCEPT_FOR_SESSION;
            case "cancel", "abort" -> ApprovalDecision.CANCEL;
            default -> ApprovalDecision.DECLINE;
        };
    }
}
