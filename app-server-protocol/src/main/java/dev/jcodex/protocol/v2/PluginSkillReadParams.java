package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** plugin/skill/read. */
public record PluginSkillReadParams(@JsonProperty(required = true) String remoteMarketplaceName, @JsonProperty(required = true) String remotePluginId, @JsonProperty(required = true) String skillName) {}
