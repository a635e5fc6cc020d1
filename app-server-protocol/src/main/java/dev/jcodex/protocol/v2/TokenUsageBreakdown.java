package dev.jcodex.protocol.v2;

public record TokenUsageBreakdown(long totalTokens, long inputTokens, long cachedInputTokens, long outputTokens,
                                  long reasoningOutputTokens) {}
