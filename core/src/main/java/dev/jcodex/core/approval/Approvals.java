package dev.jcodex.core.approval;

import dev.jcodex.core.event.ThreadState;
import dev.jcodex.core.model.Cancellation;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Asks one approval question and waits for it: the thread shows {@code waitingOnApproval} while it waits,
 * an interrupt abandons the question (the gate sees the cancellation and settles it), and a reply that is
 * lost (the client went away) counts as a cancel so nothing runs unapproved.
 */
public final class Approvals {
    public static final ThreadState WAITING = new ThreadState(ThreadState.Kind.ACTIVE, List.of("waitingOnApproval"));

    private Approvals() {}

    /** Throws InterruptedException when the turn was interrupted while waiting. */
    public static ApprovalDecision await(ApprovalGate gate, ApprovalRequest request, Cancellation cancellation,
                                         Consumer<ThreadState> status) throws InterruptedException {
        if (cancellation.isCancelled()) throw new InterruptedException("interrupted");
        status.accept(WAITING);
        CompletableFuture<ApprovalDecision> answer = gate.request(request);
        ApprovalDecision decision;
        try (AutoCloseable ignored = cancellation.onCancel(() -> answer.cancel(false))) {
            decision = answer.get();
        } catch (CancellationException e) {
            throw new InterruptedException("interrupted while waiting for approval");
        } catch (InterruptedException e) {
            answer.cancel(false);
            throw e;
        } catch (ExecutionException e) {
            decision = ApprovalDecision.CANCEL;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (cancellation.isCancelled()) throw new InterruptedException("interrupted");
        status.accept(ThreadState.ACTIVE);
        return decision;
    }
}
