package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum PluginSharePrincipalType {
    @JsonProperty("user") USER,
    @JsonProperty("group") GROUP,
    @JsonProperty("workspace") WORKSPACE
}
