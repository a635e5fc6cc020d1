package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.events.ThreadView;
import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.Reply;
import dev.jcodex.appserver.rpc.RpcException;
import dev.jcodex.core.review.ReviewChanges;
import dev.jcodex.core.review.ReviewException;
import dev.jcodex.core.review.ReviewTarget;
import dev.jcodex.core.thread.AgentThread;
import dev.jcodex.core.thread.PendingTurn;
import dev.jcodex.core.thread.ThreadManager;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.ReviewDelivery;
import dev.jcodex.protocol.v2.ReviewStartParams;
import dev.jcodex.protocol.v2.ReviewStartResponse;
import java.nio.file.Path;

/**
 * review/start: gathers the target's changes with git (before answering, so a bad target is a clear
 * error rather than a failed turn), then runs the review as a turn of the thread (inline) or of a new
 * thread (detached). Runs off the reader thread: git on a big repository takes a while.
 */
public final class ReviewHandler {
    /** Config key bounding the diff text sent to the reviewer (characters). */
    static final String BUDGET_KEY = "review_max_diff_chars";

    private final ThreadManager threads;

    public ReviewHandler(ThreadManager threads) { this.threads = threads; }

    public void register(Dispatcher d) { d.onAsync(ClientRequests.REVIEW_START, this::start); }

    Reply start(JsonRpcConnection conn, ReviewStartParams p) {
        AgentThread parent = threads.get(p.threadId());
        if (parent == null) throw RpcException.invalidRequest("thread not loaded: " + p.threadId());
        if (p.target() == null) throw RpcException.invalidParams("Invalid params for review/start: missing field `target`");
        ReviewTarget target = switch (p.target()) {
            case dev.jcodex.protocol.v2.ReviewTarget.UncommittedChanges u -> new ReviewTarget.UncommittedChanges();
            case dev.jcodex.protocol.v2.ReviewTarget.BaseBranch b -> new ReviewTarget.BaseBranch(b.branch());
            case dev.jcodex.protocol.v2.ReviewTarget.Commit c -> new ReviewTarget.Commit(c.sha(), c.title());
            case dev.jcodex.protocol.v2.ReviewTarget.Custom c -> new ReviewTarget.Custom(c.instructions());
        };
        if (parent.activeTurn() != null && p.delivery() != ReviewDelivery.DETACHED) {
            throw RpcException.invalidRequest("a turn is already running on thread " + parent.id() + " (turn "
                    + parent.activeTurn().turnId() + "); interrupt it or wait for turn/completed");
        }
        int budget = (int) Math.clamp(parent.config().number(BUDGET_KEY, ReviewChanges.DEFAULT_BUDGET), 10_000, 4_000_000);
        ReviewChanges.Gathered gathered;
        try {
            gathered = ReviewChanges.gather(Path.of(parent.settings().cwd()), target, budget);
        } catch (ReviewException e) {
            throw RpcException.invalidRequest("review/start: " + e.getMessage());
        }
        if (p.delivery() == ReviewDelivery.DETACHED) {
            AgentThread review = threads.startReviewThread(parent);
            PendingTurn pending = review.prepareReview(gathered);
            conn.session().subscribe(review.id());
            return Reply.then(new ReviewStartResponse(ThreadView.turn(pending.info()), review.id()), () -> {
                threads.announceStarted(review);
                pending.launch();
            });
        }
        PendingTurn pending;
        try {
            pending = parent.prepareReview(gathered);
        } catch (IllegalStateException e) {
            throw RpcException.invalidRequest(e.getMessage());
        }
        conn.session().subscribe(parent.id());
        return Reply.then(new ReviewStartResponse(ThreadView.turn(pending.info()), parent.id()), pending::launch);
    }
}
