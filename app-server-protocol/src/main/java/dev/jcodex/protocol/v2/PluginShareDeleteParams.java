package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** plugin/share/delete. */
public record PluginShareDeleteParams(@JsonProperty(required = true) String remotePluginId) {}
