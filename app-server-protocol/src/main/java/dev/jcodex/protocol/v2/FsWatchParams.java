package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The watch id is chosen by the client and scoped to its connection. */
public record FsWatchParams(@JsonProperty(required = true) String watchId, @JsonProperty(required = true) String path) {}
