package dev.jcodex.protocol.v2;

import java.util.List;

/** One entry of model/list. */
public record ModelInfo(String id, String model, String displayName, String description, boolean hidden,
                        List<ReasoningEffortOption> supportedReasoningEfforts, String defaultReasoningEffort,
                        List<String> inputModalities, boolean supportsPersonality, String upgrade, boolean isDefault) {
    public record ReasoningEffortOption(String reasoningEffort, String description) {}
}
