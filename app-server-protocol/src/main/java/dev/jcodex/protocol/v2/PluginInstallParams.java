package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** plugin/install. */
public record PluginInstallParams(@JsonProperty(required = true) String pluginName, String installAttemptId, String marketplacePath, String remoteMarketplaceName) {}
