package dev.jcodex.core.thread;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.event.TurnFailure;
import dev.jcodex.core.event.TurnStatus;
import dev.jcodex.core.item.Item;
import dev.jcodex.core.review.ReviewChanges;
import dev.jcodex.core.review.ReviewPrompt;
import dev.jcodex.core.util.Ids;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes a turn a review turn. The reviewer works in a conversation of its own (review instructions,
 * the environment, the gathered changes), so the thread's history neither steers the review nor fills up
 * with the diff; the reviewer's messages are not shown as agent messages but returned whole in the
 * {@code exitedReviewMode} item. Only the outcome joins the thread's history, so the next turn can act on it.
 */
final class ReviewSession {
    private final ReviewChanges.Gathered gathered;
    private final List<ObjectNode> conversation = new ArrayList<>();

    ReviewSession(ReviewChanges.Gathered gathered) { this.gathered = gathered; }

    String label() { return gathered.label(); }

    String instructions() { return ReviewPrompt.INSTRUCTIONS; }

    /** Opens the review: the enteredReviewMode item, and the reviewer's first messages. */
    void begin(TurnContext ctx, ThreadSettings settings) {
        long now = System.currentTimeMillis();
        Item.EnteredReviewMode entered = new Item.EnteredReviewMode(Ids.uuidV7(), gathered.label(), now, null);
        ctx.itemStarted(entered);
        ctx.itemCompleted(new Item.EnteredReviewMode(entered.id(), entered.review(), now, System.currentTimeMillis()));
        // The request as the user would have typed it (the diff itself stays in the reviewer's conversation).
        List<dev.jcodex.core.item.InputPart> ask = List.of(new dev.jcodex.core.item.InputPart.Text(gathered.ask()));
        long at = System.currentTimeMillis();
        Item.UserMessage user = new Item.UserMessage(Ids.uuidV7(), ask, at, null);
        ctx.itemStarted(user);
        ctx.itemCompleted(new Item.UserMessage(user.id(), ask, at, System.currentTimeMillis()));
        synchronized (conversation) {
            conversation.add(InitialContext.message("user", InitialContext.environmentContext(settings)));
            conversation.add(InitialContext.message("user", gathered.request()));
        }
    }

    List<ObjectNode> conversation() {
        synchronized (conversation) {
            return List.copyOf(conversation);
        }
    }

    void append(List<ObjectNode> items) {
        synchronized (conversation) {
            conversation.addAll(items);
        }
    }

    /**
     * Closes the review whatever happened: exitedReviewMode always follows enteredReviewMode, so a client
     * never stays in review mode. A finished review is also reported as the turn's agent message (as Codex
     * does) and recorded in the thread's history; that message is returned for the turn's summary.
     */
    Item.AgentMessage end(TurnContext ctx, AgentThread thread, ThreadSettings settings, TurnStatus status,
                          TurnFailure failure, String finalText) {
        String text = switch (status) {
            case COMPLETED -> finalText == null || finalText.isBlank()
                    ? "The reviewer finished without writing a review." : finalText;
            case INTERRUPTED -> "The review was interrupted before it finished.";
            default -> "The review failed" + (failure == null ? "." : ": " + failure.message());
        };
        long now = System.currentTimeMillis();
        Item.ExitedReviewMode exited = new Item.ExitedReviewMode(Ids.uuidV7(), text, now, null);
        ctx.itemStarted(exited);
        ctx.itemCompleted(new Item.ExitedReviewMode(exited.id(), text, now, System.currentTimeMillis()));
        if (status != TurnStatus.COMPLETED) return null;
        long at = System.currentTimeMillis();
        Item.AgentMessage msg = new Item.AgentMessage(Ids.uuidV7(), text, null, at, null);
        ctx.itemStarted(msg);
        msg = new Item.AgentMessage(msg.id(), text, null, at, System.currentTimeMillis());
        ctx.itemCompleted(msg);
        thread.appendHistoryWithContext(settings, List.of(
                InitialContext.message("user", "<review_request>\nThe user asked for a code review of "
                        + gathered.label() + ".\n</review_request>"),
                InitialContext.message("assistant", text)));
        return msg;
    }
}
