package dev.jcodex.appserver.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcodex.appserver.events.EventRouter;
import dev.jcodex.appserver.events.WireItems;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.core.approval.ApprovalDecision;
import dev.jcodex.core.approval.ApprovalGate;
import dev.jcodex.core.approval.ApprovalRequest;
import dev.jcodex.protocol.ServerRequests;
import dev.jcodex.protocol.notification.ServerRequestResolvedNotification;
import dev.jcodex.protocol.serverrequest.CommandExecutionRequestApprovalParams;
import dev.jcodex.protocol.serverrequest.FileChangeRequestApprovalParams;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The engine's approval questions as server → client requests. The question goes to one connection that
 * follows the thread; every way it can be settled (the answer, the engine giving up on interrupt or turn
 * end, the connection going away) sends {@code serverRequest/resolved} once, before the engine goes on.
 * With no client following the thread, the answer is decline: nothing runs unapproved.
 */
public final class ApprovalBroker implements ApprovalGate {
    static final List<Object> DECISIONS = List.of("accept", "acceptForSession", "decline", "cancel");

    private final EventRouter router;

    public ApprovalBroker(EventRouter router) { this.router = router; }

    @Override
    public CompletableFuture<ApprovalDecision> request(ApprovalRequest r) {
        CompletableFuture<ApprovalDecision> settled = new CompletableFuture<>();
        JsonRpcConnection conn = router.connections().stream()
                .filter(c -> !c.isClosed() && c.session().isSubscribed(r.threadId()))
                .findFirst().orElse(null);
        if (conn == null) {
            settled.complete(ApprovalDecision.DECLINE);
            return settled;
        }
        JsonRpcConnection.PendingRequest pending = switch (r) {
            case ApprovalRequest.Command c -> conn.sendTrackedRequest(ServerRequests.COMMAND_EXECUTION_APPROVAL.name(),
                    new CommandExecutionRequestApprovalParams(c.threadId(), c.turnId(), c.itemId(), "command",
                            c.startedAtMs(), c.reason(), c.command(), c.cwd(), WireItems.actions(c.actions()), null,
                            "local", DECISIONS));
            case ApprovalRequest.FileChange f -> conn.sendTrackedRequest(ServerRequests.FILE_CHANGE_APPROVAL.name(),
                    new FileChangeRequestApprovalParams(f.threadId(), f.turnId(), f.itemId(), f.startedAtMs(),
                            f.reason(), f.grantRoot()));
            case ApprovalRequest.McpToolCall m -> conn.sendTrackedRequest(ServerRequests.MCP_SERVER_ELICITATION.name(),
                    McpToolApprovals.elicitation(m));
        };
        AtomicBoolean resolved = new AtomicBoolean();
        Runnable announce = () -> {
            if (resolved.compareAndSet(false, true)) {
                router.notifyThread(r.threadId(), new ServerRequestResolvedNotification(r.threadId(), pending.id()));
            }
        };
        pending.reply().whenComplete((result, error) -> {
            ApprovalDecision d = error != null ? ApprovalDecision.CANCEL : decision(result);
            announce.run(); // before the engine continues, so resolved precedes the item's completion
            settled.complete(d);
        });
        settled.whenComplete((d, error) -> {
            if (error != null) { // the engine stopped waiting (interrupt, turn end)
                conn.forgetRequest(pending.id());
                announce.run();
            }
        });
        return settled;
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
