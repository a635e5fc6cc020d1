package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum MergeStrategy {
    @JsonProperty("replace") REPLACE,
    @JsonProperty("upsert") UPSERT
}
