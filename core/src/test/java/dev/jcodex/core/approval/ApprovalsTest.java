package dev.jcodex.core.approval;

import static org.junit.jupiter.api.Assertions.*;

import dev.jcodex.core.event.ThreadState;
import dev.jcodex.core.model.Cancellation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The approval wait: thread status around it, answers, interrupt, lost replies, session memory. */
class ApprovalsTest {
    static final ApprovalRequest REQ = new ApprovalRequest.Command("t", "u", "i", 0, "/bin/bash -c ls", "/w", List.of(),
            null, List.of("/bin/bash", "-c", "ls"));

    @Test
    void answerIsReturnedAndStatusGoesWaitingThenActive() throws Exception {
        List<ThreadState> states = new CopyOnWriteArrayList<>();
        ApprovalDecision d = Approvals.await(r -> CompletableFuture.completedFuture(ApprovalDecision.ACCEPT_FOR_SESSION),
                REQ, new Cancellation(), states::add);
        assertEquals(ApprovalDecision.ACCEPT_FOR_SESSION, d);
        assertEquals(List.of(Approvals.WAITING, ThreadState.ACTIVE), states);
        assertEquals(List.of("waitingOnApproval"), states.getFirst().flags());
    }

    @Test
    void interruptCancelsThePendingQuestion() throws Exception {
        Cancellation c = new Cancellation();
        AtomicReference<CompletableFuture<ApprovalDecision>> asked = new AtomicReference<>();
        CountDownLatch sent = new CountDownLatch(1);
        ApprovalGate gate = r -> {
            CompletableFuture<ApprovalDecision> f = new CompletableFuture<>();
            asked.set(f);
            sent.countDown();
            return f;
        };
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                Approvals.await(gate, REQ, c, s -> { });
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        assertTrue(sent.await(5, TimeUnit.SECONDS));
        c.cancel();
        waiter.join(5000);
        assertInstanceOf(InterruptedException.class, outcome.get());
        assertTrue(asked.get().isCancelled(), "the gate must see the question abandoned (to resolve it)");
    }

    @Test
    void alreadyInterruptedTurnDoesNotAsk() {
        Cancellation c = new Cancellation();
        c.cancel();
        assertThrows(InterruptedException.class, () -> Approvals.await(r -> fail("asked"), REQ, c, s -> { }));
    }

    @Test
    void lostReplyCountsAsCancel() throws Exception {
        ApprovalDecision d = Approvals.await(r -> CompletableFuture.failedFuture(new IllegalStateException("closed")),
                REQ, new Cancellation(), s -> { });
        assertEquals(ApprovalDecision.CANCEL, d);
    }

    @Test
    void sessionApprovalsMatchExactCommandsAndCoveredPaths() {
        SessionApprovals s = new SessionApprovals();
        s.approveCommand(List.of("/bin/bash", "-c", "make"));
        assertTrue(s.commandApproved(List.of("/bin/bash", "-c", "make")));
        assertFalse(s.commandApproved(List.of("/bin/bash", "-c", "make install")));
        s.approvePaths(List.of(Path.of("/w/a.txt"), Path.of("/w/b.txt")));
        assertTrue(s.pathsApproved(List.of(Path.of("/w/a.txt"))));
        assertFalse(s.pathsApproved(List.of(Path.of("/w/a.txt"), Path.of("/w/c.txt"))));
        assertFalse(s.pathsApproved(List.of()));
    }
}
