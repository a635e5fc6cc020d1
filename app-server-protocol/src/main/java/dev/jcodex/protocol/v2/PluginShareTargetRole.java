package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum PluginShareTargetRole {
    @JsonProperty("reader") READER,
    @JsonProperty("editor") EDITOR
}
