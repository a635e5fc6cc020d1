package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public record FsCopyParams(@JsonProperty(required = true) String sourcePath,
                           @JsonProperty(required = true) String destinationPath, Boolean recursive) {}
