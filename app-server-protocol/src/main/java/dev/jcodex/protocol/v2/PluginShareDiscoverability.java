package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum PluginShareDiscoverability {
    @JsonProperty("LISTED") LISTED,
    @JsonProperty("UNLISTED") UNLISTED,
    @JsonProperty("PRIVATE") PRIVATE
}
