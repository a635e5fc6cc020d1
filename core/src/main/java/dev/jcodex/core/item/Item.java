package dev.jcodex.core.item;

import java.util.List;

/**
 * A snapshot of one thing that happened in a turn. Items are immutable: a later state is a new record
 * with the same id. Times are epoch milliseconds; {@code completedAtMs} is null while running.
 */
public sealed interface Item {
    String id();
    long startedAtMs();
    Long completedAtMs();

    record UserMessage(String id, List<InputPart> content, long startedAtMs, Long completedAtMs) implements Item {}

    /** {@code phase}: how the model labelled the message ("commentary", "final_answer"), or null. */
    record AgentMessage(String id, String text, String phase, long startedAtMs, Long completedAtMs) implements Item {}

    record Reasoning(String id, List<String> summary, List<String> content, long startedAtMs, Long completedAtMs)
            implements Item {}

    record Plan(String id, String text, long startedAtMs, Long completedAtMs) implements Item {}

    /** {@code source}: agent, userShell, unifiedExecStartup. */
    record CommandExecution(String id, String command, String cwd, String processId, String source,
                            ItemStatus status, List<CommandActionInfo> actions, String aggregatedOutput,
                            Integer exitCode, Long durationMs, long startedAtMs, Long completedAtMs) implements Item {}

    record FileChange(String id, List<FileChangeInfo> changes, ItemStatus status, long startedAtMs,
                      Long completedAtMs) implements Item {}

    record McpToolCall(String id, String server, String tool, ItemStatus status, Object arguments,
                       List<Object> resultContent, Object structuredContent, String error, Long durationMs,
                       long startedAtMs, Long completedAtMs) implements Item {}

    record WebSearch(String id, String query, long startedAtMs, Long completedAtMs) implements Item {}

    record ImageView(String id, String path, long startedAtMs, Long completedAtMs) implements Item {}

    record EnteredReviewMode(String id, String review, long startedAtMs, Long completedAtMs) implements Item {}

    record ExitedReviewMode(String id, String review, long startedAtMs, Long completedAtMs) implements Item {}

    record ContextCompaction(String id, long startedAtMs, Long completedAtMs) implements Item {}

    /** Parsed meaning of a command for display: kind is read, listFiles, search or unknown. */
    record CommandActionInfo(String kind, String command, String name, String path, String query) {}

    /** One file of a patch: kind is add, delete or update; movePath only for a rename. */
    record FileChangeInfo(String path, String kind, String movePath, String diff) {}
}
