package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * Everything that happens in a turn is an item (tag {@code type}). Each carries the wall-clock ms at which
 * it started and completed (null while running).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ThreadItem.UserMessage.class),
    @JsonSubTypes.Type(ThreadItem.AgentMessage.class),
    @JsonSubTypes.Type(ThreadItem.Reasoning.class),
    @JsonSubTypes.Type(ThreadItem.Plan.class),
    @JsonSubTypes.Type(ThreadItem.CommandExecution.class),
    @JsonSubTypes.Type(ThreadItem.FileChange.class),
    @JsonSubTypes.Type(ThreadItem.McpToolCall.class),
    @JsonSubTypes.Type(ThreadItem.WebSearch.class),
    @JsonSubTypes.Type(ThreadItem.ImageView.class),
    @JsonSubTypes.Type(ThreadItem.EnteredReviewMode.class),
    @JsonSubTypes.Type(ThreadItem.ExitedReviewMode.class),
    @JsonSubTypes.Type(ThreadItem.ContextCompaction.class)
})
public sealed interface ThreadItem {
    String id();

    @JsonTypeName("userMessage")
    record UserMessage(String id, List<UserInput> content, String clientId, Long startedAtMs, Long completedAtMs)
            implements ThreadItem {}

    @JsonTypeName("agentMessage")
    record AgentMessage(String id, String text, String phase, Long startedAtMs, Long completedAtMs)
            implements ThreadItem {}

    @JsonTypeName("reasoning")
    record Reasoning(String id, List<String> summary, List<String> content, Long startedAtMs, Long completedAtMs)
            implements ThreadItem {}

    @JsonTypeName("plan")
    record Plan(String id, String text, Long startedAtMs, Long completedAtMs) implements ThreadItem {}

    /** source: "agent", "userShell", "unifiedExecStartup". */
    @JsonTypeName("commandExecution")
    record CommandExecution(String id, String command, String cwd, String processId, String source,
                            ItemStatus status, List<CommandAction> commandActions, String aggregatedOutput,
                            Integer exitCode, Long durationMs, Long startedAtMs, Long completedAtMs)
            implements ThreadItem {}

    @JsonTypeName("fileChange")
    record FileChange(String id, List<FileUpdateChange> changes, ItemStatus status, Long startedAtMs,
                      Long completedAtMs) implements ThreadItem {}

    @JsonTypeName("mcpToolCall")
    record McpToolCall(String id, String server, String tool, ItemStatus status, Object arguments,
                       McpToolCallResult result, McpToolCallError error, Long durationMs, Long startedAtMs,
                       Long completedAtMs) implements ThreadItem {}

    @JsonTypeName("webSearch")
    record WebSearch(String id, String query, Long startedAtMs, Long completedAtMs) implements ThreadItem {}

    @JsonTypeName("imageView")
    record ImageView(String id, String path, Long startedAtMs, Long completedAtMs) implements ThreadItem {}

    @JsonTypeName("enteredReviewMode")
    record EnteredReviewMode(String id, String review, Long startedAtMs, Long completedAtMs) implements ThreadItem {}

    @JsonTypeName("exitedReviewMode")
    record ExitedReviewMode(String id, String review, Long startedAtMs, Long completedAtMs) implements ThreadItem {}

    @JsonTypeName("contextCompaction")
    record ContextCompaction(String id, Long startedAtMs, Long completedAtMs) implements ThreadItem {}
}
