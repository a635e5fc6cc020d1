package dev.jcodex.core.thread;

import dev.jcodex.core.item.Item;
import dev.jcodex.core.item.ItemStatus;

/** How an item still open at the end of a turn is closed: text keeps what arrived, actions fail. */
final class OpenItems {
    private OpenItems() {}

    static Item close(Item item, long now) {
        return switch (item) {
            case Item.AgentMessage m -> new Item.AgentMessage(m.id(), m.text(), m.phase(), m.startedAtMs(), now);
            case Item.Reasoning r -> new Item.Reasoning(r.id(), r.summary(), r.content(), r.startedAtMs(), now);
            case Item.CommandExecution c -> new Item.CommandExecution(c.id(), c.command(), c.cwd(), c.processId(),
                    c.source(), ItemStatus.FAILED, c.actions(), c.aggregatedOutput(), c.exitCode(),
                    now - c.startedAtMs(), c.startedAtMs(), now);
            case Item.FileChange f -> new Item.FileChange(f.id(), f.changes(), ItemStatus.FAILED, f.startedAtMs(), now);
            case Item.McpToolCall m -> new Item.McpToolCall(m.id(), m.server(), m.tool(), ItemStatus.FAILED,
                    m.arguments(), m.resultContent(), m.structuredContent(),
                    m.error() != null ? m.error() : "interrupted", now - m.startedAtMs(), m.startedAtMs(), now);
            case Item.UserMessage u -> new Item.UserMessage(u.id(), u.content(), u.startedAtMs(), now);
            case Item.Plan p -> new Item.Plan(p.id(), p.text(), p.startedAtMs(), now);
            case Item.WebSearch w -> new Item.WebSearch(w.id(), w.query(), w.startedAtMs(), now);
            case Item.ImageView v -> new Item.ImageView(v.id(), v.path(), v.startedAtMs(), now);
            case Item.EnteredReviewMode e -> new Item.EnteredReviewMode(e.id(), e.review(), e.startedAtMs(), now);
            case Item.ExitedReviewMode e -> new Item.ExitedReviewMode(e.id(), e.review(), e.startedAtMs(), now);
            case Item.ContextCompaction c -> new Item.ContextCompaction(c.id(), c.startedAtMs(), now);
        };
    }
}
