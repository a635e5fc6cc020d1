package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** plugin/share/checkout. */
public record PluginShareCheckoutParams(@JsonProperty(required = true) String remotePluginId) {}
