package dev.jcodex.appserver.events;

import dev.jcodex.core.event.Event;
import dev.jcodex.core.model.TokenUsage;
import dev.jcodex.core.thread.AgentThread;
import dev.jcodex.core.thread.ThreadManager;
import dev.jcodex.protocol.notification.*;
import dev.jcodex.protocol.v2.McpServerStartupState;
import dev.jcodex.protocol.v2.ThreadTokenUsage;
import dev.jcodex.protocol.v2.TokenUsageBreakdown;

/** The one place where an engine event becomes a wire notification. */
public final class EventTranslator {
    private final ThreadManager threads;

    public EventTranslator(ThreadManager threads) { this.threads = threads; }

    /** The notification for {@code e}, or null when the event has no wire form. */
    public ServerNotification translate(Event e) {
        return switch (e) {
            case Event.ThreadStarted s -> {
                AgentThread t = threads.get(s.threadId());
                yield t == null ? null : new ThreadStartedNotification(ThreadView.thread(t, false));
            }
            case Event.ThreadStatusChanged s -> new ThreadStatusChangedNotification(s.threadId(), ThreadView.status(s.state()));
            case Event.TurnStarted s -> new TurnStartedNotification(s.threadId(), ThreadView.turn(s.turn()));
            case Event.TurnCompleted c -> new TurnCompletedNotification(c.threadId(), ThreadView.turn(c.turn()));
            case Event.ItemStarted s -> new ItemStartedNotification(WireItems.toWire(s.item()), s.threadId(), s.turnId(),
                    s.item().startedAtMs());
            case Event.ItemCompleted c -> new ItemCompletedNotification(WireItems.toWire(c.item()), c.threadId(), c.turnId(),
                    c.item().completedAtMs());
            case Event.AgentMessageDelta d -> new AgentMessageDeltaNotification(d.threadId(), d.turnId(), d.itemId(), d.delta());
            case Event.ReasoningSummaryPartAdded p -> new ReasoningSummaryPartAddedNotification(p.threadId(), p.turnId(),
                    p.itemId(), p.summaryIndex());
            case Event.ReasoningSummaryDelta d -> new ReasoningSummaryTextDeltaNotification(d.threadId(), d.turnId(),
                    d.itemId(), d.delta(), d.summaryIndex());
            case Event.ReasoningContentDelta d -> new ReasoningTextDeltaNotification(d.threadId(), d.turnId(), d.itemId(),
                    d.delta(), d.contentIndex());
            case Event.TokenUsageUpdated u -> new ThreadTokenUsageUpdatedNotification(u.threadId(), u.turnId(),
                    new ThreadTokenUsage(breakdown(u.total()), breakdown(u.last()), u.modelContextWindow()));
            case Event.Error err -> new ErrorNotification(ThreadView.error(err.failure()), err.willRetry(), err.threadId(),
                    err.turnId());
            case Event.Warning w -> new WarningNotification(w.threadId(), w.message());
            case Event.ThreadArchived a -> new ThreadArchivedNotification(a.threadId());
            case Event.ThreadClosed c -> new ThreadClosedNotification(c.threadId());
            case Event.ThreadUnarchived u -> new ThreadUnarchivedNotification(u.threadId());
            case Event.ThreadNameUpdated n -> new ThreadNameUpdatedNotification(n.threadId(), n.name());
            case Event.ThreadDeleted d -> new ThreadDeletedNotification(d.threadId());
            case Event.ThreadReverted r -> new ThreadRevertedNotification(r.threadId());
            case Event.ThreadGoalCleared g -> new ThreadGoalClearedNotification(g.threadId());
            case Event.ThreadSettingsChanged c -> {
                AgentThread t = threads.get(c.threadId());
                yield t == null ? null : new ThreadSettingsUpdatedNotification(c.threadId(), ThreadView.settings(t));
            }
            case Event.ReadStateChanged r -> new ThreadReadStateChangedNotification(r.threadId(), ThreadView.readState(r));
            case Event.McpServerStartupStatus m -> new McpServerStatusUpdatedNotification(m.threadId(), m.server(),
                    switch (m.status()) {
                        case "starting" -> McpServerStartupState.STARTING;
                        case "ready" -> McpServerStartupState.READY;
                        case "cancelled" -> McpServerStartupState.CANCELLED;
                        default -> McpServerStartupState.FAILED;
                    }, m.error(), null);
            case Event.McpToolCallProgress p -> new McpToolCallProgressNotification(p.threadId(), p.turnId(), p.itemId(),
                    p.message());
            case Event.CommandOutputDelta d -> new CommandExecutionOutputDeltaNotification(d.threadId(), d.turnId(),
                    d.itemId(), d.delta());
            case Event.TurnDiffUpdated d -> new TurnDiffUpdatedNotification(d.threadId(), d.turnId(), d.diff());
            case Event.PlanUpdated p -> new TurnPlanUpdatedNotification(p.threadId(), p.turnId(), p.explanation(),
                    p.plan().stream().map(s -> new dev.jcodex.protocol.v2.PlanStep(s.step(), switch (s.status()) {
                        case "in_progress" -> "inProgress";
                        default -> s.status();
                    })).toList());
            case Event.RateLimitsUpdated r -> new AccountRateLimitsUpdatedNotification(rateLimits(r.limits()));
        };
    }

    /** The wire snapshot: percents are whole numbers there (Codex rounds them too). */
    public static dev.jcodex.protocol.v2.RateLimitSnapshot rateLimits(dev.jcodex.core.model.RateLimits r) {
        var c = r.credits();
        return new dev.jcodex.protocol.v2.RateLimitSnapshot(r.limitId(), r.limitName(), null, window(r.primary()),
                window(r.secondary()), c == null ? null : new dev.jcodex.protocol.v2.CreditsSnapshot(c.hasCredits(),
                c.unlimited(), c.balance()), null, null, null, null);
    }

    private static dev.jcodex.protocol.v2.RateLimitWindow window(dev.jcodex.core.model.RateLimits.Window w) {
        return w == null ? null : new dev.jcodex.protocol.v2.RateLimitWindow((int) Math.round(w.usedPercent()),
                w.windowMinutes(), w.resetsAt());
    }

    private static TokenUsageBreakdown breakdown(TokenUsage u) {
        return new TokenUsageBreakdown(u.totalTokens(), u.inputTokens(), u.cachedInputTokens(), u.outputTokens(),
                u.reasoningOutputTokens());
    }
}
