package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public record TerminalSize(@JsonProperty(required = true) int rows, @JsonProperty(required = true) int cols) {}
