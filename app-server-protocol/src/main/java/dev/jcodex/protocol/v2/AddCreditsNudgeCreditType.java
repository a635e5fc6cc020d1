package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum AddCreditsNudgeCreditType {
    @JsonProperty("credits") CREDITS,
    @JsonProperty("usage_limit") USAGE_LIMIT
}
