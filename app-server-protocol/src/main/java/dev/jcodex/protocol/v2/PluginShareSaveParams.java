package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** plugin/share/save. */
public record PluginShareSaveParams(@JsonProperty(required = true) String pluginPath, PluginShareDiscoverability discoverability, String remotePluginId, List<PluginShareTarget> shareTargets) {}
