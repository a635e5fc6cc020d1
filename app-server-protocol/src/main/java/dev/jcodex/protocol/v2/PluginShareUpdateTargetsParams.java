package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** plugin/share/updateTargets. */
public record PluginShareUpdateTargetsParams(@JsonProperty(required = true) PluginShareDiscoverability discoverability, @JsonProperty(required = true) String remotePluginId, @JsonProperty(required = true) List<PluginShareTarget> shareTargets) {}
