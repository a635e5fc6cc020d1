package dev.jcodex.core.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a model stream yields, independent of the wire API that produced it. */
public sealed interface ResponseEvent {
    record Created(String responseId) implements ResponseEvent {}

    /** An output item began (message, reasoning, ...): {@code item} is the partial Responses item. */
    record OutputItemAdded(ObjectNode item) implements ResponseEvent {}

    record OutputTextDelta(String itemId, String delta) implements ResponseEvent {}

    record ReasoningSummaryPartAdded(String itemId, int summaryIndex) implements ResponseEvent {}

    record ReasoningSummaryDelta(String itemId, String delta, int summaryIndex) implements ResponseEvent {}

    record ReasoningContentDelta(String itemId, String delta, int contentIndex) implements ResponseEvent {}

    /** An output item is final: message, reasoning, function_call, custom_tool_call, ... */
    record OutputItemDone(ObjectNode item) implements ResponseEvent {}

    /** The rate limits the response's headers stated (before any stream event). */
    record RateLimitsReported(java.util.List<RateLimits> limits) implements ResponseEvent {}

    record Completed(String responseId, TokenUsage usage) implements ResponseEvent {}
}
