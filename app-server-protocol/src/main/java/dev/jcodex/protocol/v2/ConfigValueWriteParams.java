package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

public record ConfigValueWriteParams(@JsonProperty(required = true) String keyPath, Object value,
                                     @JsonProperty(required = true) MergeStrategy mergeStrategy, String filePath,
                                     String expectedVersion) {}
