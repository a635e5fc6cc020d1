package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Adds input to the running turn; {@code expectedTurnId} must name it. */
public record TurnSteerParams(@JsonProperty(required = true) String threadId,
                              @JsonProperty(required = true) List<UserInput> input,
                              @JsonProperty(required = true) String expectedTurnId) {}
