package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who is connecting; {@code name} becomes the originator and the user-agent prefix. */
public record ClientInfo(@JsonProperty(required = true) String name, String title,
                         @JsonProperty(required = true) String version) {}
