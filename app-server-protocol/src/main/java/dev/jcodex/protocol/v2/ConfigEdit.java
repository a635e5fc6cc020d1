package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One edit: {@code value} null removes the key. */
public record ConfigEdit(@JsonProperty(required = true) String keyPath, Object value,
                         @JsonProperty(required = true) MergeStrategy mergeStrategy) {}
