package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Approval policy; kebab-case on the wire as in config.toml. */
public enum AskForApproval {
    @JsonProperty("untrusted") UNTRUSTED,
    @JsonProperty("on-failure") ON_FAILURE,
    @JsonProperty("on-request") ON_REQUEST,
    @JsonProperty("never") NEVER
}
