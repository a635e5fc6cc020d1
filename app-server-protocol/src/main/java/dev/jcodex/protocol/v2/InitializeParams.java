package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public record InitializeParams(@JsonProperty(required = true) ClientInfo clientInfo,
                               InitializeCapabilities capabilities) {}
