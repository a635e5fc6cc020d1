package dev.jcodex.protocol.v2;

/** Cumulative ({@code total}) and last-request ({@code last}) usage, with the model's context window. */
public record ThreadTokenUsage(TokenUsageBreakdown total, TokenUsageBreakdown last, Long modelContextWindow) {}
