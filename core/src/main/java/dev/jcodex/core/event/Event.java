package dev.jcodex.core.event;

import dev.jcodex.core.item.Item;
import dev.jcodex.core.model.TokenUsage;

/** What the engine reports about a thread. The app-server turns each into wire messages in one place. */
public sealed interface Event {
    String threadId();

    /** True for events every connection hears, subscribed to the thread or not (archive, rename). */
    default boolean broadcast() { return false; }

    /** A new thread exists (start or fork); announced after the request that made it was answered. */
    record ThreadStarted(String threadId) implements Event {
        @Override public boolean broadcast() { return true; } // every client's thread list learns of it, as in Codex
    }

    /** Heard by every initialized client, as in Codex: thread lists show activity on threads they do not follow. */
    record ThreadStatusChanged(String threadId, ThreadState state) implements Event {
        @Override public boolean broadcast() { return true; }
    }

    record TurnStarted(String threadId, TurnInfo turn) implements Event {}

    record TurnCompleted(String threadId, TurnInfo turn) implements Event {}

    record ItemStarted(String threadId, String turnId, Item item) implements Event {}

    record ItemCompleted(String threadId, String turnId, Item item) implements Event {}

    record AgentMessageDelta(String threadId, String turnId, String itemId, String delta) implements Event {}

    record ReasoningSummaryPartAdded(String threadId, String turnId, String itemId, int summaryIndex) implements Event {}

    record ReasoningSummaryDelta(String threadId, String turnId, String itemId, String delta, int summaryIndex)
            implements Event {}

    record ReasoningContentDelta(String threadId, String turnId, String itemId, String delta, int contentIndex)
            implements Event {}

    record TokenUsageUpdated(String threadId, String turnId, TokenUsage total, TokenUsage last,
                             Long modelContextWindow) implements Event {}

    /** A turn-level error; {@code willRetry} when the engine re-sends the request itself. */
    /** A model response's rate-limit headers (account/rateLimits/updated). */
    record RateLimitsUpdated(String threadId, String turnId, dev.jcodex.core.model.RateLimits limits) implements Event {}

    record Error(String threadId, String turnId, TurnFailure failure, boolean willRetry) implements Event {}

    record Warning(String threadId, String message) implements Event {}

    record ThreadArchived(String threadId) implements Event {
        @Override public boolean broadcast() { return true; }
    }

    record ThreadUnarchived(String threadId) implements Event {
        @Override public boolean broadcast() { return true; }
    }

    /**
     * A thread left memory after sitting idle with no subscriber. Every connection hears it (as in Codex):
     * the ones that unsubscribed, and any that lists threads and shows which are loaded.
     */
    record ThreadClosed(String threadId) implements Event {
        @Override public boolean broadcast() { return true; }
    }

    record ThreadNameUpdated(String threadId, String name) implements Event {
        @Override public boolean broadcast() { return true; }
    }

    /** A thread's rollout was deleted (thread/delete); every client's thread list drops it. */
    record ThreadDeleted(String threadId) implements Event {
        @Override public boolean broadcast() { return true; }
    }

    /**
     * The thread has no goal (jcodex has no goals): said when a saved thread is loaded by resume, as Codex does, so
     * a client showing a goal from before clears it.
     */
    record ThreadGoalCleared(String threadId) implements Event {}

    /** A thread's history was cut back before a turn (thread/revert). */
    record ThreadReverted(String threadId) implements Event {}

    /** A turn's overrides changed the settings later turns of the thread use. */
    record ThreadSettingsChanged(String threadId) implements Event {}

    /**
     * The thread's read state moved: {@code firstUnreadTurnId} is the first turn nobody marked read (null: none;
     * jcodex has no method that marks turns read, so it is the first turn), {@code revision} changes with it.
     */
    record ReadStateChanged(String threadId, String firstUnreadTurnId, String revision) implements Event {}
    /** An MCP server of the thread changed startup state: starting, ready, failed or cancelled. */
    record McpServerStartupStatus(String threadId, String server, String status, String error) implements Event {}

    /** A progress notification from the MCP server running an mcpToolCall item. */
    record McpToolCallProgress(String threadId, String turnId, String itemId, String message) implements Event {}

    /** Output of a running command, as it arrives (plain text). */
    record CommandOutputDelta(String threadId, String turnId, String itemId, String delta) implements Event {}

    /** The whole git-style diff of what the turn's patches changed so far. */
    record TurnDiffUpdated(String threadId, String turnId, String diff) implements Event {}

    /** The model's plan (update_plan); step status as the model sent it: pending, in_progress, completed. */
    record PlanUpdated(String threadId, String turnId, String explanation, java.util.List<PlanStep> plan)
            implements Event {}

    record PlanStep(String step, String status) {}
}
