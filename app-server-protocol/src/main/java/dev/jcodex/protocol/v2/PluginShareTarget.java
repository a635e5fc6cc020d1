package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who a shared plugin is shared with. */
public record PluginShareTarget(@JsonProperty(required = true) String principalId, @JsonProperty(required = true) PluginSharePrincipalType principalType, @JsonProperty(required = true) PluginShareTargetRole role) {}
