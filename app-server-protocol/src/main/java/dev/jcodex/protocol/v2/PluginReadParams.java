package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** plugin/read. */
public record PluginReadParams(@JsonProperty(required = true) String pluginName, String marketplacePath, String remoteMarketplaceName) {}
