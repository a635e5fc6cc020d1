package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code featureEnabled} false and no messages: jcodex has no ChatGPT workspace. */
public record GetWorkspaceMessagesResponse(@JsonProperty(required = true) boolean featureEnabled, @JsonProperty(required = true) List<Object> messages) {}
