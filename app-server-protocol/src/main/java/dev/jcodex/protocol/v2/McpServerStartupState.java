package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum McpServerStartupState {
    @JsonProperty("starting") STARTING,
    @JsonProperty("ready") READY,
    @JsonProperty("failed") FAILED,
    @JsonProperty("cancelled") CANCELLED
}
