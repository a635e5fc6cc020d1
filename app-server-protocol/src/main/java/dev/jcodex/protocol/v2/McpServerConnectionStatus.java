package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum McpServerConnectionStatus {
    @JsonProperty("notStarted") NOT_STARTED,
    @JsonProperty("starting") STARTING,
    @JsonProperty("connected") CONNECTED,
    @JsonProperty("authenticationRequired") AUTHENTICATION_REQUIRED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("cancelled") CANCELLED,
    @JsonProperty("disabled") DISABLED
}
