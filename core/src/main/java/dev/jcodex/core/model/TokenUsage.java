package dev.jcodex.core.model;

/** Token counts of one model response (or a running total). */
public record TokenUsage(long inputTokens, long cachedInputTokens, long outputTokens, long reasoningOutputTokens,
                         long totalTokens) {
    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0, 0);

    public TokenUsage plus(TokenUsage o) {
        return new TokenUsage(inputTokens + o.inputTokens, cachedInputTokens + o.cachedInputTokens,
                outputTokens + o.outputTokens, reasoningOutputTokens + o.reasoningOutputTokens,
                totalTokens + o.totalTokens);
    }
}
