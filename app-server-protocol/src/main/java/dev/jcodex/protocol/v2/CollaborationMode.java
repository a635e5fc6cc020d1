package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * turn/start's collaboration preset: {@code mode} "plan" or "default"; it stays the thread's mode for later
 * turns. {@code settings} uses snake_case keys on the wire.
 */
public record CollaborationMode(@JsonProperty(required = true) String mode, Settings settings) {
    public record Settings(String model, @JsonProperty("reasoning_effort") String reasoningEffort,
                           @JsonProperty("developer_instructions") String developerInstructions) {}
}
