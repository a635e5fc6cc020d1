package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public record FsUnwatchParams(@JsonProperty(required = true) String watchId) {}
