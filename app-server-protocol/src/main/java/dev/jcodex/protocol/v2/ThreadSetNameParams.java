package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public record ThreadSetNameParams(@JsonProperty(required = true) String threadId,
                                  @JsonProperty(required = true) String name) {}
