package dev.jcodex.core.approval;

import java.util.concurrent.CompletableFuture;

/**
 * Where approval questions go (the app-server implements it with server → client requests; core never
 * sees JSON-RPC). The returned future completes with the answer. The engine cancels it when it stops
 * waiting (interrupt, end of turn); the implementation must treat every completion, cancellation
 * included, as the request being settled and tell the client so.
 */
@FunctionalInterface
public interface ApprovalGate {
    CompletableFuture<ApprovalDecision> request(ApprovalRequest request);

    /** A gate with nobody to ask: every request is declined (the model is told, the turn goes on). */
    ApprovalGate NOBODY = r -> CompletableFuture.completedFuture(ApprovalDecision.DECLINE);
}
