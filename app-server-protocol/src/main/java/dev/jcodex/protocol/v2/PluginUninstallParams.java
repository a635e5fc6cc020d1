package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** plugin/uninstall. */
public record PluginUninstallParams(@JsonProperty(required = true) String pluginId) {}
