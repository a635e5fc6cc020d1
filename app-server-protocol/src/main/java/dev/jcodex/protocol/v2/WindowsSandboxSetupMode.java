package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum WindowsSandboxSetupMode {
    @JsonProperty("elevated") ELEVATED,
    @JsonProperty("unelevated") UNELEVATED
}
