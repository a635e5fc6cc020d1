package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public record ThreadReadParams(@JsonProperty(required = true) String threadId, Boolean includeTurns) {}
